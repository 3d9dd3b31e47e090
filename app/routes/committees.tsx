import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { myCommitteeWork } from "~/db/committees.server";
import { committeePermissions } from "~/domain/committees/permissions";
import { IDEA_STATUS_KEYS } from "~/domain/ideas/permissions";
import { isPhase, PHASE_KEYS } from "~/domain/cycles/phases";
import { PROPOSAL_STATUS_KEYS, proposalPermissions } from "~/domain/proposals/permissions";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "committees:mine.metaTitle");

/** A delegate's committees and the ideas and proposals they work on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, committeePermissions.viewOwn(actor), message("committees:mine.refused"));
  const committees = await myCommitteeWork(actor!.id);
  // The link to write a proposal only where the cycle takes proposals now (not while it collects ideas).
  return { committees: committees.map((c) => ({ ...c, canWriteProposal: proposalPermissions.create(actor, c.cycle, { wholeCycle: false, scopes: [c.scope] }) })) };
}

export default function MyCommittees() {
  const { t } = useTranslation();
  const { committees } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("committees:mine.title")}</h1>
      {committees.length === 0 ? <p>{t("committees:mine.none")}</p> : null}
      {committees.map((c) => (
        <section key={c.id} aria-labelledby={`c-${c.id}`} className="card">
          <h2 id={`c-${c.id}`}>{t("committees:mine.heading", { name: c.name, cycle: c.cycle.name })}</h2>
          <p className="muted">{t("committees:mine.members", { names: c.members.join(", ") })}</p>
          <h3>{t("committees:mine.ideas", { count: c.ideas.length })}</h3>
          <ul>
            {c.ideas.map((i) => (
              <li key={i.id}>
                <Link to={`/ideas/${i.id}`}>#{i.number} {i.title}</Link> — {IDEA_STATUS_KEYS[i.status] ? t(IDEA_STATUS_KEYS[i.status]) : i.status} ·{" "}
                {t("committees:mine.supports", { count: i._count.supports })}
              </li>
            ))}
          </ul>
          <h3>{t("committees:mine.proposals", { count: c.proposals.length })}</h3>
          <ul>
            {c.proposals.map((p) => (
              <li key={p.id}>
                <Link to={`/proposals/${p.id}`}>#{p.number} {p.title}</Link> — {PROPOSAL_STATUS_KEYS[p.status] ? t(PROPOSAL_STATUS_KEYS[p.status]) : p.status}
              </li>
            ))}
          </ul>
          <p>
            {c.canWriteProposal ? (
              <Link to={`/proposals/new?cycle=${c.cycle.slug}`}>{t("committees:mine.newProposal")}</Link>
            ) : (
              <span className="muted">{t("committees:mine.proposalsLater", { phase: isPhase(c.cycle.phase) ? t(PHASE_KEYS[c.cycle.phase]) : c.cycle.phase })}</span>
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
