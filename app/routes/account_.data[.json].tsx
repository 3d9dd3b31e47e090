import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, getActor } from "~/auth.server";
import { accountData } from "~/db/users.server";
import { accountPermissions } from "~/domain/accounts/permissions";
import { inPlainWords } from "~/http.server";
import { message } from "~/i18n/message";

/** Everything kept about the signed-in person, as a JSON file for them to download (theirs only). */
async function load({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, accountPermissions.manageOwnAccount(actor), message("auth:account.signIn"));
  const data = await accountData(actor!.id);
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="civic-budget-my-data.json"',
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "Cache-Control": "no-store",
    },
  });
}

export const loader = inPlainWords(load);
