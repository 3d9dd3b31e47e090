import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorize, getActor } from "~/auth.server";
import { costingQueue } from "~/db/costing.server";
import { hasRole } from "~/domain/auth/roles";
import { costingPermissions } from "~/domain/costing/permissions";
import { formatMoney } from "~/domain/money";
import { PROPOSAL_STATUS_LABELS } from "~/domain/proposals/permissions";

export const meta: MetaFunction = () => [{ title: "Costing queue · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, costingPermissions.viewQueue(actor), "The costing queue is for agency staff and the PB office.");
  const staffOnly = !hasRole(actor, "admin");
  const queue = await costingQueue(actor!, staffOnly);
  const now = Date.now();
  return {
    scope: staffOnly ? "your agency" : "all agencies",
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
  const { scope, proposals } = useLoaderData<typeof loader>();
  const waiting = proposals.filter((p) => p.status === "costing");
  return (
    <>
      <h1>Costing queue</h1>
      <p>Proposals sent for costing to {scope}. {waiting.length} waiting for an estimate and verdict.</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr><th scope="col">Proposal</th><th scope="col">District</th><th scope="col">Agency</th><th scope="col">Status</th><th scope="col" className="num">Days waiting</th><th scope="col" className="num">Estimate</th><th scope="col"><span className="sr-only">Action</span></th></tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/proposals/${p.id}`}>#{p.number} {p.title}</Link><br /><span className="muted">{p.cycle}</span></td>
                <td>{p.district}</td>
                <td>{p.agency}</td>
                <td><span className={`status status-${p.status}`}>{PROPOSAL_STATUS_LABELS[p.status] ?? p.status}</span></td>
                <td className="num">{p.status === "costing" ? p.daysWaiting : "—"}</td>
                <td className="num">{p.costCents === null ? "—" : formatMoney(p.costCents, p.currency)}</td>
                <td>{p.canCost ? <Link to={`/costing/${p.id}`}>{p.status === "costing" ? "Cost it" : "Re-estimate"}</Link> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {proposals.length === 0 ? <p>Nothing to cost right now.</p> : null}
    </>
  );
}
