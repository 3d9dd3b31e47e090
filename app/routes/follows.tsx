import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { readForm } from "~/csrf.server";
import { followPath, followTargetExists, setFollowing } from "~/db/follows.server";
import { FOLLOW_TARGETS, followPermissions } from "~/domain/follows/permissions";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { LIMITS, takeAttempt } from "~/rate-limit.server";
import { inPlainWords } from "~/http.server";

const followInput = z.object({
  targetType: z.enum(FOLLOW_TARGETS),
  targetId: z.string().min(1).max(40),
  follow: z.enum(["yes", "no"]),
  // Stopped from the account page's list: back there, not to the item.
  back: z.literal("account").optional(),
});

/** Follow buttons on idea, proposal and project pages post here, then return to the page. */
async function act({ request }: ActionFunctionArgs) {
  const actor = await getActor(request);
  const form = await readForm(request);
  const parsed = followInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response(message("follows:badRequest"), { status: 400 });
  const target = { type: parsed.data.targetType, id: parsed.data.targetId };
  if (!(await followTargetExists(target, parsed.data.follow === "yes"))) throw new Response(message("follows:notFound"), { status: 404 });
  // A visitor is sent to sign in and back to the page they were on (not to this form's address).
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(`${followPath(target)}#follow`)}`);
  authorize(request, actor, followPermissions.follow(actor), message("follows:refused"));
  const limited = await takeAttempt([LIMITS.followPerAccount, actor!.id]);
  if (limited) throw new Response(limited, { status: 429 });
  await setFollowing(actor!, target, parsed.data.follow === "yes", await localeOf(request));
  if (parsed.data.back === "account") return redirect("/account#following");
  return redirect(`${followPath(target)}?followed=${parsed.data.follow}#follow`);
}

export const action = inPlainWords(act);

/** Only forms post here; someone who opens the address (a bookmark, a reload) goes home instead of an error. */
export const loader = () => redirect("/");
