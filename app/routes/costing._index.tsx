import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { costingQueue } from "~/db/costing.server";
import { hasRole } from "~/domain/auth/roles";
import { costingPermissions } from "~/domain/costing/permissions";
import { PROPOSAL_STATUS_KEYS } from "~/domain/proposals/permissions";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "costing:queue.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, costingPermissions.viewQueue(actor), message("costing:errors.queueForbidden"));
  const staffOnly = !hasRole(actor, "admin");
  const queue = await costingQueue(actor!, staffOnly);
  const now = Date.now();
  return {
    staffOnly,
    proposals: queue.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      cycle: p.cycle.name,
      currency: p.cycle.currency,
      district: p.district.name,
      agency: p.agency?.name ?? "—",
      status: p.status,
      daysWaiting: Math.floor((now - p.updatedAt.getTime()) / 86_400_000),
      costCents: p.costEstimates[0]?.totalCents ?? null,
      canCost: costingPermissions.estimate(actor, { phase: p.cycle.phase }, p),
    })),
  };
}

export default function CostingQueue() {
  const { staffOnly, proposals } = useLoaderData<typeof loader>();
  const waiting = proposals.filter((p) => p.status === "costing");
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t("costing:queue.title")}</h1>
      <p>{staffOnly ? t("costing:queue.introAgency", { count: waiting.length }) : t("costing:queue.introAll", { count: waiting.length })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("costing:queue.proposal")}</th>
              <th scope="col">{t("costing:queue.district")}</th>
              <th scope="col">{t("costing:queue.agency")}</th>
              <th scope="col">{t("costing:queue.status")}</th>
              <th scope="col" className="num">{t("costing:queue.daysWaiting")}</th>
              <th scope="col" className="num">{t("costing:queue.estimate")}</th>
              <th scope="col"><span className="sr-only">{t("costing:queue.action")}</span></th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/proposals/${p.id}`}>{t("costing:queue.proposalTitle", { number: p.number, title: p.title })}</Link><br /><span className="muted">{p.cycle}</span></td>
                <td>{p.district}</td>
                <td>{p.agency}</td>
                <td><span className={`status status-${p.status}`}>{PROPOSAL_STATUS_KEYS[p.status] ? t(PROPOSAL_STATUS_KEYS[p.status]) : p.status}</span></td>
                <td className="num">{p.status === "costing" ? f.number(p.daysWaiting) : "—"}</td>
                <td className="num">{p.costCents === null ? "—" : f.money(p.costCents, p.currency)}</td>
                <td>{p.canCost ? <Link to={`/costing/${p.id}`}>{p.status === "costing" ? t("costing:queue.costIt") : t("costing:queue.reestimate")}</Link> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {proposals.length === 0 ? <p>{t("costing:queue.empty")}</p> : null}
    </>
  );
}
