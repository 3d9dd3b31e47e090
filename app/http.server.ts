import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { serverT } from "~/i18n/i18n.server";
import { decodeMessage, message } from "~/i18n/message";
import { ChangedMeanwhile } from "~/db/changed-meanwhile.server";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; resetForm?: boolean };

/**
 * Saves, unless someone saved a newer version since the form was opened (ChangedMeanwhile): then the
 * form comes back as typed (409), saying which version came meanwhile (`why`, a message key with
 * {{number}}), and `latest` for the form to send next time, so saving again is a choice made knowing it.
 */
export async function saveUnlessChangedMeanwhile<T>(
  save: () => Promise<T>,
  submission: Parameters<typeof formReply>[0],
  why: string,
): Promise<{ saved: T; refused?: never } | { saved?: never; refused: ReturnType<typeof data<SubmissionResult<string[]> & { latest: number }>> }> {
  try {
    return { saved: await save() };
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    const reply = submission.reply({ formErrors: [message(why, { number: error.latest })] });
    return { refused: data({ ...reply, latest: error.latest }, { status: 409 }) };
  }
}

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

/**
 * Downloads and form endpoints without a page (resource routes) have no error page to translate
 * a refusal: a thrown Response whose body is a message key is answered as plain text in the
 * reader's language instead of the raw key.
 */
export function inPlainWords<A extends { request: Request }>(handler: (args: A) => Promise<Response>) {
  return async (args: A): Promise<Response> => {
    try {
      return await handler(args);
    } catch (thrown) {
      if (!(thrown instanceof Response) || thrown.status < 400) throw thrown;
      const decoded = decodeMessage(await thrown.clone().text());
      if (!decoded) throw thrown;
      const text = (await serverT(args.request))(decoded.key, decoded.values);
      return new Response(text, { status: thrown.status, statusText: thrown.statusText, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
  };
}

/**
 * A CSV download. It starts with a UTF-8 byte-order mark: without it, Excel (what most council
 * and PB office staff open a CSV with) reads the file in the machine's legacy code page and
 * garbles every accented name, en dash and euro sign. Spreadsheets and papaparse skip the mark.
 */
export function csvDownload(csv: string, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      ...headers,
    },
  });
}
