import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; resetForm?: boolean };

/**
 * A form's answer: the submission (what the person typed and the errors) with
 * 400 when something is wrong, 200 for a step that is not a submission (adding a
 * line item), or the status given (429 for rate limits).
 */
export function formReply(
  submission: { status?: "success" | "error"; reply: (options?: ReplyOptions) => SubmissionResult<string[]> },
  options?: ReplyOptions,
  status?: number,
) {
  const invalid = submission.status === "error" || !!options?.formErrors?.length || !!options?.fieldErrors;
  return data(submission.reply(options), { status: status ?? (invalid ? 400 : 200) });
}

/**
 * For people allowed to act, but not now (the cycle is in another phase): 409 Conflict
 * with the reason, where 403 would wrongly say "not you".
 */
export function requireState(ok: boolean, reason: string): void {
  if (!ok) throw new Response(reason, { status: 409, statusText: "Conflict" });
}
