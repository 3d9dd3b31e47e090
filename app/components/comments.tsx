import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { FieldErrors, FormErrors } from "~/components/forms";
import { KeptDraftNotice, useKeptDraft } from "~/components/kept-draft";
import type { CommentThreadView } from "~/db/comments.server";
import { useFormat, useWrittenIn } from "~/i18n/i18n";

type Errors = Record<string, string[]> | undefined;
type Answer = { errors?: Errors; fields?: Record<string, string> } | undefined;

/** Posts to /comments: in place with JavaScript, as a normal form (and page) without it. */
export function CommentForm({
  target,
  channel,
  errors,
  defaultBody = "",
}: {
  target: { type: string; id: string };
  channel: "public" | "costing";
  errors?: Errors;
  defaultBody?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Answer>();
  const formRef = useRef<HTMLFormElement>(null);
  // A saved comment answers with a redirect, which leaves fetcher.data as it was (the errors of
  // an earlier refused try, if any): those are stale from then on, and the box is cleared.
  const [stale, setStale] = useState<Answer | undefined>(undefined);
  const [posted, setPosted] = useState(false);
  const sentWith = useRef<{ data: Answer | undefined } | null>(null);
  const busy = fetcher.state !== "idle";
  const draft = useKeptDraft(formRef, `comment:${target.type}:${target.id}:${channel}`);
  useEffect(() => {
    if (busy) {
      sentWith.current ??= { data: fetcher.data };
      setPosted(false);
      return;
    }
    if (!sentWith.current) return;
    if (fetcher.data === sentWith.current.data) {
      formRef.current?.reset();
      draft.saved();
      setStale(fetcher.data);
      setPosted(true);
    } else if (fetcher.data?.errors) {
      // Refused: back to the box, where the reason is read out with it.
      formRef.current?.querySelector("textarea")?.focus();
    }
    sentWith.current = null;
  }, [busy, fetcher.data]);
  const answer = fetcher.data !== stale ? fetcher.data : undefined;
  const shown = answer?.errors ?? errors;
  const id = `comment-body-${channel}`;
  return (
    <fetcher.Form method="post" action="/comments" className="stack comment-form" ref={formRef} preventScrollReset onSubmit={(e) => busy && e.preventDefault()}>
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="channel" value={channel} />
      <KeptDraftNotice {...draft} />
      <FormErrors id={`${id}-form-errors`} errors={shown?.[""]} />
      <div className="field">
        <label htmlFor={id}>{channel === "costing" ? t("comments:form.question") : t("comments:form.label")}</label>
        {/* No maxlength: it would cut a pasted text short without a word; the server says so by the field. */}
        <p id={`${id}-hint`} className="hint">{t("comments:form.hint")}</p>
        <textarea
          id={id}
          name="body"
          rows={3}
          defaultValue={answer?.fields?.body ?? defaultBody}
          aria-invalid={shown?.body ? true : undefined}
          aria-describedby={shown?.body ? `${id}-hint ${id}-errors` : `${id}-hint`}
        />
        <FieldErrors id={`${id}-errors`} errors={shown?.body} />
      </div>
      {/* Not `disabled` while sending: a disabled button drops the keyboard focus to the top of the page. */}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {channel === "costing" ? t("comments:form.ask") : t("comments:form.submit")}
      </button>
      <p className="muted" role="status">{posted ? t("comments:form.posted") : ""}</p>
    </fetcher.Form>
  );
}

function HideForm({ commentId }: { commentId: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Answer>();
  const id = `hide-reason-${commentId}`;
  return (
    <details className="moderation">
      <summary>{t("comments:hide.summary")}</summary>
      <fetcher.Form method="post" action="/comments" className="stack">
        <AuthenticityTokenInput />
        <input type="hidden" name="intent" value="hide" />
        <input type="hidden" name="commentId" value={commentId} />
        <div className="field">
          <label htmlFor={id}>{t("comments:hide.reason")}</label>
          <input id={id} name="reason" aria-describedby={`${id}-errors`} />
          <FieldErrors id={`${id}-errors`} errors={fetcher.data?.errors?.reason} />
        </div>
        <button type="submit" className="button-secondary">{t("comments:hide.submit")}</button>
      </fetcher.Form>
    </details>
  );
}

/** A discussion (or the costing Q&A) under an idea or proposal. */
export function CommentThread({ thread }: { thread: CommentThreadView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  const headingId = `comments-${thread.channel}`;
  const location = useLocation();
  return (
    <section aria-labelledby={headingId} id={thread.channel === "public" ? "comments" : "questions"} className="comments">
      <h2 id={headingId}>
        {thread.channel === "costing" ? t("comments:costingTitle") : t("comments:title", { count: thread.comments.length })}
      </h2>
      {thread.channel === "costing" ? <p className="muted">{t("comments:costingIntro")}</p> : null}
      {thread.comments.length === 0 ? <p className="muted">{t("comments:none")}</p> : null}
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className={c.hidden ? "comment comment-hidden" : "comment"}>
            <p className="muted">
              <strong>{c.author ?? t("ideas:detail.anonymousAuthor")}</strong> · <time dateTime={c.createdAt}>{f.date(c.createdAt)}</time>
            </p>
            {c.hidden ? <p className="moderation-note">{t("comments:hiddenNote")}</p> : null}
            {c.hiddenReason ? <p className="moderation-note">{t("comments:hiddenReason", { reason: c.hiddenReason })}</p> : null}
            {c.body !== null ? <p className="comment-body" lang={writtenIn(c.writtenIn)}>{c.body}</p> : null}
            {thread.canHide && !c.hidden ? <HideForm commentId={c.id} /> : null}
            {thread.canHide && c.hidden ? (
              <Form method="post" action="/comments" className="inline-form">
                <AuthenticityTokenInput />
                <input type="hidden" name="intent" value="unhide" />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className="link-button">{t("comments:hide.showAgain")}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {thread.canWrite ? <CommentForm target={thread.target} channel={thread.channel} /> : null}
      {thread.offerSignIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`${location.pathname}#comments`)}`}>{t("comments:signInToComment")}</Link>
        </p>
      ) : null}
    </section>
  );
}
