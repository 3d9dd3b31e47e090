import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getRevision } from "~/db/proposals.server";
import { loadProposal } from "~/guards.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { useFormat } from "~/i18n/i18n";
import { placeNamesIn } from "~/db/translations.server";
import { placeOf } from "~/domain/proposals/revisions";
import { revisionNote } from "~/domain/proposals/schema";
import { nameSlot, WithNames } from "~/components/translated";
import { localeOf } from "~/i18n/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? pageTitle(matches, "proposals:revision.metaTitle", { revision: data.revision.number, number: data.proposal.number })
    : pageTitle(matches, "proposals:detail.metaTitleFallback");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await loadProposal(request, params.id);
  const number = z.coerce.number().int().positive().safeParse(params.number);
  const revision = number.success ? await getRevision(proposal.id, number.data) : null;
  if (!revision) throw new Response(message("proposals:errors.revisionNotFound"), { status: 404 });
  const place = placeOf(revision);
  return {
    proposal: { id: proposal.id, number: proposal.number, latest: proposal.revisions[0]?.number ?? 1 },
    revision: { number: revision.number, title: revision.title, description: revision.description, note: revision.note, createdAt: revision.createdAt.toISOString().slice(0, 10) },
    filedUnder: place && (await placeNamesIn([place], await localeOf(request)))(place),
  };
}

export default function Revision() {
  const { proposal, revision, filedUnder } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const note = revisionNote(revision, t);
  return (
    <article>
      <p><Link to={`/proposals/${proposal.id}`}>{t("proposals:revision.back", { number: proposal.number })}</Link></p>
      <p className="meta">
        {t("proposals:revision.saved", { number: revision.number, latest: proposal.latest, date: f.date(revision.createdAt) })}
        {note ? ` — ${note}` : ""}
        {filedUnder ? (
          <>
            <br />
            <WithNames template={t("proposals:revision.filedUnder", { district: nameSlot(0), category: nameSlot(1) })} names={[filedUnder.district, filedUnder.category]} />
          </>
        ) : null}
      </p>
      <h1>{revision.title}</h1>
      <p className="prose">{revision.description}</p>
    </article>
  );
}
