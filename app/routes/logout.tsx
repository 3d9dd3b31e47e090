import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyUserSession } from "~/auth.server";
import { dropFormToken, readForm } from "~/csrf.server";
import { endVoterSession } from "~/voter-session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await destroyUserSession(request));
  headers.append("Set-Cookie", await endVoterSession(request));
  headers.append("Set-Cookie", await dropFormToken());
  return redirect("/", { headers });
}
