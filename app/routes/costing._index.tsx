import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { HiddenContext, Notice } from "~/components/forms";
import { costingQueue } from "~/db/costing.server";
import { takeDone } from "~/flash.server";
import { costingStage, daysWaiting, type CostingStage } from "~/domain/costing/estimate";
import { costingPermissions } from "~/domain/costing/permissions";
import { PROPOSAL_STATUS_KEYS } from "~/domain/proposals/permissions";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:dashboard.metaTitle");

const query = z.object({ sort: z.enum(["days-desc", "days-asc"]).catch("days-desc") });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, costingPermissions.viewQueue(actor), message("costing:errors.queueForbidden"));
  const { sort } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const agencyOnly = !costingPermissions.seeEveryAgency(actor);
  const queue = await costingQueue(actor!, agencyOnly);
  const now = new Date();
  const rows = queue.map((p) => {
    const latest = p.costEstimates[0];
    const stage = costingStage({ status: p.status, estimates: p._count.costEstimates });
    return {
      id: p.id,
      number: p.number,
      title: p.title,
      questions: p.questions,
      cycle: p.cycle.name,
      currency: p.cycle.currency,
      district: p.district.name,
      agency: p.agency?.name ?? "—",
      status: p.status,
      stage,
      // done: how long it waited for its verdict; otherwise: how long it has been waiting
      daysWaiting: daysWaiting(p.sentForCostingAt, stage === "done" && latest ? latest.createdAt : now),
      version: latest?.version ?? null,
      costCents: latest?.totalCents ?? null,
      recurringCents: latest?.recurringCents ?? null,
      canCost: costingPermissions.estimate(actor, { phase: p.cycle.phase }, p),
      canAssign: costingPermissions.assign(actor, { phase: p.cycle.phase }, p),
    };
  });
  rows.sort((a, b) => (sort === "days-desc" ? b.daysWaiting - a.daysWaiting : a.daysWaiting - b.daysWaiting) || a.number - b.number);
  const stages: CostingStage[] = ["waiting", "in_progress", "done"];
  // What an assignment or a hand-back just did, said once (kept in the session, not the address: nobody can make this page say it).
  const flash = await takeDone(request);
  return data({ agencyOnly, sort, done: flash.done, groups: stages.map((stage) => ({ stage, rows: rows.filter((r) => r.stage === stage) })) }, { headers: flash.headers });
}

export default function CostingDashboard() {
  const { agencyOnly, sort, done, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const headings: Record<CostingStage, string> = {
    waiting: t("costing:dashboard.waiting"),
    in_progress: t("costing:dashboard.inProgress"),
    done: t("costing:dashboard.done"),
  };
  const empty: Record<CostingStage, string> = {
    waiting: t("costing:dashboard.emptyWaiting"),
    in_progress: t("costing:dashboard.emptyInProgress"),
    done: t("costing:dashboard.emptyDone"),
  };
  const counts = Object.fromEntries(groups.map((g) => [g.stage, g.rows.length])) as Record<CostingStage, number>;
  return (
    <>
      <h1>{t("costing:dashboard.title")}</h1>
      {done.handedBack ? <Notice tone="success">{t("costing:handBack.done", { number: done.handedBack, title: done.title ?? "" })}</Notice> : null}
      {done.assigned ? (
        <Notice tone="success">
          {done.to ? t("costing:assign.doneTo", { number: done.assigned, title: done.title ?? "", agency: done.to }) : t("costing:assign.done", { number: done.assigned })}
        </Notice>
      ) : null}
      <p>{agencyOnly ? t("costing:dashboard.introAgency") : t("costing:dashboard.introAll")}</p>
      <ul className="stats" data-testid="costing-counts">
        <li><strong>{f.number(counts.waiting)}</strong> {t("costing:dashboard.waiting")}</li>
        <li><strong>{f.number(counts.in_progress)}</strong> {t("costing:dashboard.inProgress")}</li>
        <li><strong>{f.number(counts.done)}</strong> {t("costing:dashboard.done")}</li>
      </ul>
      <p>
        {sort === "days-desc"
          ? <Link to="?sort=days-asc">{t("costing:dashboard.sortShortest")}</Link>
          : <Link to="?sort=days-desc">{t("costing:dashboard.sortLongest")}</Link>}
      </p>
      {groups.map((group) => (
        <section key={group.stage} aria-labelledby={`stage-${group.stage}`}>
          <h2 id={`stage-${group.stage}`}>{headings[group.stage]} ({f.number(group.rows.length)})</h2>
          {group.rows.length === 0 ? <p className="muted">{empty[group.stage]}</p> : (
            <div className="table-scroll">
              <table className="stack-narrow" data-testid={`costing-${group.stage}`}>
                <thead>
                  <tr>
                    <th scope="col">{t("costing:queue.proposal")}</th>
                    <th scope="col">{t("costing:queue.district")}</th>
                    {agencyOnly ? null : <th scope="col">{t("costing:queue.agency")}</th>}
                    <th scope="col">{t("costing:queue.status")}</th>
                    <th scope="col" className="num">
                      <Link to={sort === "days-desc" ? "?sort=days-asc" : "?sort=days-desc"} aria-label={sort === "days-desc" ? t("costing:dashboard.sortShortest") : t("costing:dashboard.sortLongest")}>
                        {group.stage === "done" ? t("costing:dashboard.daysTaken") : t("costing:queue.daysWaiting")} {sort === "days-desc" ? "↓" : "↑"}
                      </Link>
                    </th>
                    <th scope="col" className="num">{t("costing:queue.estimate")}</th>
                    <th scope="col"><span className="sr-only">{t("costing:queue.action")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((p) => (
                    <tr key={p.id}>
                      <th scope="row"><Link to={`/proposals/${p.id}`}>{t("costing:queue.proposalTitle", { number: p.number, title: p.title })}</Link><br /><span className="muted">{p.cycle}</span>{p.questions ? <><br /><Link to={`${p.canCost ? "/costing" : "/proposals"}/${p.id}#questions`}>{t("costing:queue.questions", { count: p.questions })}</Link></> : null}</th>
                      <td data-label={t("costing:queue.district")}>{p.district}</td>
                      {agencyOnly ? null : <td data-label={t("costing:queue.agency")}>{p.agency}</td>}
                      <td data-label={t("costing:queue.status")}><span className={`status status-${p.status}`}>{PROPOSAL_STATUS_KEYS[p.status] ? t(PROPOSAL_STATUS_KEYS[p.status]) : p.status}</span></td>
                      <td className="num" data-testid="days-waiting" data-label={group.stage === "done" ? t("costing:dashboard.daysTaken") : t("costing:queue.daysWaiting")}>{f.number(p.daysWaiting)}</td>
                      <td className="num" data-label={t("costing:queue.estimate")}>
                        {p.costCents === null ? "—" : (
                          <>
                            {f.money(p.costCents, p.currency)}
                            {p.recurringCents ? <><br /><span className="muted">{t("costing:dashboard.perYear", { amount: f.money(p.recurringCents, p.currency) })}</span></> : null}
                            <br /><span className="muted">{t("costing:history.versionNumber", { version: p.version })}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {p.canCost ? <Link to={`/costing/${p.id}`}>{p.version === null ? t("costing:queue.costIt") : t("costing:queue.reestimate")}<HiddenContext>#{p.number}</HiddenContext></Link> : null}
                        {p.canCost && p.canAssign ? <br /> : null}
                        {p.canAssign ? <Link to={`/costing/${p.id}/assign`}>{t("costing:assign.link")}<HiddenContext>#{p.number}</HiddenContext></Link> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
