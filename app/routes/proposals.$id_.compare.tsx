import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getRevision } from "~/db/proposals.server";
import { placeNamesIn } from "~/db/translations.server";
import { diffCounts, diffText, type DiffPart } from "~/domain/proposals/diff";
import { isMove, placeOf } from "~/domain/proposals/revisions";
import { nameSlot, WithNames } from "~/components/translated";
import { localeOf } from "~/i18n/i18n.server";
import { loadProposal } from "~/guards.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "proposals:compare.metaTitle", { number: data?.proposal.number ?? "" });

const revisionNumber = z.coerce.number().int().positive().max(100_000);

// Any two revisions side by side, word by word. A GET form, so it works without JavaScript.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadProposal(request, params.id);
  const latest = proposal.revisions[0]?.number ?? 1;
  const search = new URL(request.url).searchParams;
  const from = revisionNumber.catch(Math.max(1, latest - 1)).parse(search.get("from") ?? undefined);
  const to = revisionNumber.catch(latest).parse(search.get("to") ?? undefined);
  const [before, after] = await Promise.all([getRevision(proposal.id, from), getRevision(proposal.id, to)]);
  if (!before || !after) throw new Response(message("proposals:errors.revisionNotFound"), { status: 404 });
  const title = diffText(before.title, after.title);
  const description = diffText(before.description, after.description);
  const [was, is] = [placeOf(before), placeOf(after)];
  const placeName = was && is && isMove(was, is) ? await placeNamesIn([was, is], await localeOf(request)) : null;
  return {
    proposal: { id: proposal.id, number: proposal.number },
    revisions: proposal.revisions.map((r) => r.number),
    from,
    to,
    title,
    description,
    // The title counts too: a revision may change only the title.
    counts: diffCounts([...title, ...description]),
    notes: { from: before.note, to: after.note },
    // A move decides the ballot the proposal goes on: said, though it is not text.
    moved: placeName && { from: placeName(was!), to: placeName(is!) },
  };
}

function Diff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i}>
            <span className="sr-only">{t("proposals:compare.addedStart")}</span>
            {p.text}
            <span className="sr-only">{t("proposals:compare.addedEnd")}</span>
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i}>
            <span className="sr-only">{t("proposals:compare.removedStart")}</span>
            {p.text}
            <span className="sr-only">{t("proposals:compare.removedEnd")}</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export default function CompareRevisions() {
  const { t } = useTranslation();
  const { proposal, revisions, from, to, title, description, counts, notes, moved } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to={`/proposals/${proposal.id}`}>{t("proposals:revision.back", { number: proposal.number })}</Link>
      </p>
      <h1>{t("proposals:compare.title", { number: proposal.number })}</h1>
      <Form method="get" className="inline-form">
        <label htmlFor="from">{t("proposals:compare.from")}</label>{" "}
        <select id="from" name="from" defaultValue={String(from)}>
          {revisions.map((n) => (
            <option key={n} value={n}>{t("proposals:detail.revisionLink", { number: n })}</option>
          ))}
        </select>{" "}
        <label htmlFor="to">{t("proposals:compare.to")}</label>{" "}
        <select id="to" name="to" defaultValue={String(to)}>
          {revisions.map((n) => (
            <option key={n} value={n}>{t("proposals:detail.revisionLink", { number: n })}</option>
          ))}
        </select>{" "}
        <button type="submit" className="button-secondary">{t("proposals:compare.submit")}</button>
      </Form>
      <p role="status">{t("proposals:compare.summary", { added: t("proposals:compare.added", { count: counts.added }), removed: t("proposals:compare.removed", { count: counts.removed }) })}</p>
      {notes.to ? <p className="muted">{t("proposals:compare.note", { number: to, note: notes.to })}</p> : null}
      {moved ? (
        <p>
          <WithNames
            template={t("proposals:compare.moved", { from, to, fromDistrict: nameSlot(0), fromCategory: nameSlot(1), toDistrict: nameSlot(2), toCategory: nameSlot(3) })}
            names={[moved.from.district, moved.from.category, moved.to.district, moved.to.category]}
          />
        </p>
      ) : null}
      <h2 className="diff"><Diff parts={title} /></h2>
      <p className="prose diff">
        <Diff parts={description} />
      </p>
    </article>
  );
}
