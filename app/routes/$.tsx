import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

// Any address no other route answers. Matched here, below root, the root loader still runs, so the
// "page not found" page has its language, header and sign-in state instead of bare message keys.
export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:error.notFound");

export function loader(_: LoaderFunctionArgs): never {
  throw new Response(message("common:error.noSuchPage"), { status: 404, statusText: "Not Found" });
}

// Also posts to an unknown address: a 404, not a 405 "no action".
export const action = loader;

export default function NoSuchPage() {
  return null;
}
