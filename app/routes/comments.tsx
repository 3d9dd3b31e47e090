import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { CommentForm } from "~/components/comments";
import { FormErrors, Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { addComment, commentTarget, findComment, hideComment, showCommentAgain, threadFor } from "~/db/comments.server";
import { commentPermissions } from "~/domain/comments/permissions";
import type { z } from "zod";
import { commentInput, hideInput } from "~/domain/comments/schema";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { LIMITS, takeAttempt } from "~/rate-limit.server";
import { localeOf } from "~/i18n/i18n.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "comments:metaTitle");

// Comment forms post here from idea and proposal pages. With JavaScript the answer shows in
// place; without it, a refused comment is shown on this page with the text kept.
export async function loader() {
  return null;
}

type Refusal = { errors: Record<string, string[]>; fields: Record<string, string>; back: string | null };

const refuse = (fields: Record<string, string>, errors: Refusal["errors"], back: string | null, status = 400) =>
  data<Refusal>({ errors, fields, back }, { status });

const errorsOf = (error: z.ZodError) => error.flatten().fieldErrors as Record<string, string[]>;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await getActor(request);
  const form = await readForm(request);
  const fields = Object.fromEntries([...form].filter(([k, v]) => k !== "csrf" && typeof v === "string")) as Record<string, string>;

  if (fields.intent === "unhide") {
    authorize(request, actor, commentPermissions.hide(actor), message("comments:refused.hide"));
    const comment = fields.commentId ? await findComment(fields.commentId.slice(0, 40)) : null;
    const target = comment ? await commentTarget(comment.targetType as "idea" | "proposal", comment.targetId) : null;
    if (!comment || !target) throw new Response(message("comments:notFound"), { status: 404 });
    await showCommentAgain(comment.id, actor!);
    return redirect(`${target.path}#comment-${comment.id}`);
  }

  if (fields.intent === "hide") {
    authorize(request, actor, commentPermissions.hide(actor), message("comments:refused.hide"));
    const parsed = hideInput.safeParse(fields);
    const comment = parsed.success ? await findComment(parsed.data.commentId) : null;
    const target = comment ? await commentTarget(comment.targetType as "idea" | "proposal", comment.targetId) : null;
    if (!parsed.success) return refuse(fields, errorsOf(parsed.error), target?.path ?? null);
    if (!comment || !target) throw new Response(message("comments:notFound"), { status: 404 });
    await hideComment(comment.id, parsed.data.reason, actor!);
    return redirect(`${target.path}#comment-${comment.id}`);
  }

  const parsed = commentInput.safeParse(fields);
  if (!parsed.success && (!fields.targetType || !fields.targetId)) throw new Response(message("comments:notFound"), { status: 404 });
  const target = await commentTarget(fields.targetType as "idea" | "proposal", fields.targetId ?? "");
  if (!target) throw new Response(message("comments:notFound"), { status: 404 });
  const channel = fields.channel === "costing" ? "costing" : "public";
  if (target.hidden) throw new Response(message("comments:refused.hidden"), { status: 410 });
  // A visitor (or someone whose sign-in ended) signs in and comes back to the page, where the comment typed waits (useKeptDraft).
  authorize(request, actor, commentPermissions.write(actor, await threadFor(actor, target, channel)), message("comments:refused.write"), target.path);
  if (!parsed.success) return refuse(fields, errorsOf(parsed.error), target.path);
  const limited = await takeAttempt([LIMITS.commentPerAccount, actor!.id]);
  if (limited) return refuse(fields, { "": [limited] }, target.path, 429);
  const comment = await addComment(parsed.data, actor!, await localeOf(request));
  return redirect(`${target.path}#comment-${comment.id}`);
}

/** Only reached without JavaScript, when a comment was refused: the text is kept to fix and resend. */
export default function CommentRefused() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  if (!answer) {
    return (
      <p>
        <Link to="/">{t("common:error.backHome")}</Link>
      </p>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("comments:refusedTitle")}</h1>
      <Notice tone="error">{t("comments:refusedIntro")}</Notice>
      {answer.fields.intent === "hide" ? (
        <FormErrors id="hide-errors" errors={answer.errors.reason} />
      ) : (
      <CommentForm
        target={{ type: answer.fields.targetType ?? "", id: answer.fields.targetId ?? "" }}
        channel={answer.fields.channel === "costing" ? "costing" : "public"}
        errors={answer.errors}
        defaultBody={answer.fields.body ?? ""}
      />
      )}
      {answer.back ? (
        <p>
          <Link to={answer.back}>{t("comments:back")}</Link>
        </p>
      ) : null}
    </div>
  );
}
