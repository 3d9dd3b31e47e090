import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { FilterSelect } from "~/components/forms";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { listProposals } from "~/db/proposals.server";
import { formatMoney } from "~/domain/money";
import { count } from "~/components/text";
import { proposalPermissions, PROPOSAL_STATUS_LABELS } from "~/domain/proposals/permissions";

export const meta: MetaFunction = () => [{ title: "Proposals · Civic Budget" }];

const query = z.object({
  cycle: z.string().optional(),
  district: z.string().optional().catch(undefined),
  status: z.enum(["draft", "costing", "feasible", "not_feasible"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, filter.cycle, "proposals");
  if (!cycle) return { cycle: null, cycles: [], proposals: [], filter, canCreate: false };
  const proposals = await listProposals(cycle.id, filter);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency, districts: cycle.districts.map((d) => ({ id: d.id, name: d.name })) },
    cycles,
    filter,
    canCreate: proposalPermissions.create(actor, { phase: cyclePhase(cycle) }),
    proposals: proposals.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      district: p.district.name,
      category: p.category.name,
      status: p.status,
      agency: p.agency?.name ?? null,
      costCents: p.costEstimates[0]?.totalCents ?? null,
    })),
  };
}

export default function Proposals() {
  const { cycle, cycles, proposals, filter, canCreate } = useLoaderData<typeof loader>();
  if (!cycle) return <><h1>Proposals</h1><p>No budgeting cycle is public yet.</p></>;
  return (
    <>
      <h1>Proposals for {cycle.name}</h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      <p>Budget delegates turn residents' ideas into proposals; agency staff cost them and say whether they are feasible. Feasible proposals go on the ballot.</p>
      {canCreate ? <p><Link className="button" to={`/proposals/new?cycle=${cycle.slug}`}>New proposal from ideas</Link></p> : null}
      <Form method="get" className="filters" aria-label="Filter proposals">
        <input type="hidden" name="cycle" value={cycle.slug} />
        <FilterSelect name="district" label="District" allLabel="All districts" value={filter.district} options={cycle.districts.map((d) => ({ value: d.id, label: d.name }))} />
        <FilterSelect name="status" label="Status" allLabel="Any status" value={filter.status} options={Object.entries(PROPOSAL_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <button type="submit" className="button-secondary">Filter</button>
      </Form>
      <p>{count(proposals.length, "proposal")}</p>
      <ul className="item-list">
        {proposals.map((p) => (
          <li key={p.id} className="item">
            <h2 className="item-title"><Link to={`/proposals/${p.id}`}>#{p.number} {p.title}</Link></h2>
            <p className="meta">
              {p.district} · {p.category}
              {p.costCents !== null ? ` · ${formatMoney(p.costCents, cycle.currency)}` : ""} ·{" "}
              <span className={`status status-${p.status}`}>{PROPOSAL_STATUS_LABELS[p.status] ?? p.status}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
