import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect } from "~/components/forms";
import { Progress } from "~/components/progress";
import { listCycles } from "~/db/cycles.server";
import { listProjects } from "~/db/projects.server";
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from "~/domain/implementation/permissions";
import { formatMoney } from "~/domain/money";

export const meta: MetaFunction = () => [{ title: "Projects · Civic Budget" }];

const query = z.object({
  cycle: z.string().optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const cycles = await listCycles({ includeDrafts: false });
  const cycle = cycles.find((c) => c.slug === filter.cycle);
  const projects = await listProjects({ cycleId: cycle?.id, status: filter.status });
  return {
    filter,
    cycles: cycles.map((c) => ({ slug: c.slug, name: c.name })),
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      cycle: p.cycle.name,
      district: p.district.name,
      agency: p.agency?.name ?? null,
      status: p.status as (typeof PROJECT_STATUSES)[number],
      percentComplete: p.percentComplete,
      budget: formatMoney(p.budgetCents, p.cycle.currency),
      lastUpdate: p.updates[0]?.postedOn ?? null,
    })),
  };
}

export default function Projects() {
  const { filter, cycles, projects } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Projects being built</h1>
      <p>Every project residents voted to fund, with its progress as reported by the responsible agency.</p>
      <Form method="get" className="filters" aria-label="Filter projects">
        <FilterSelect name="cycle" label="Cycle" allLabel="All cycles" value={filter.cycle} options={cycles.map((c) => ({ value: c.slug, label: c.name }))} />
        <FilterSelect name="status" label="Status" allLabel="Any status" value={filter.status} options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))} />
        <button type="submit" className="button-secondary">Filter</button>
      </Form>
      {projects.length === 0 ? <p>No projects yet.</p> : null}
      <ul className="item-list">
        {projects.map((p) => (
          <li key={p.id} className="item">
            <h2 className="item-title"><Link to={`/projects/${p.id}`}>{p.title}</Link></h2>
            <p className="meta">
              {p.cycle} · {p.district} · {p.budget}{p.agency ? ` · ${p.agency}` : ""} ·{" "}
              <span className={`status status-${p.status}`}>{PROJECT_STATUS_LABELS[p.status] ?? p.status}</span>
              {p.lastUpdate ? ` · updated ${p.lastUpdate}` : ""}
            </p>
            <Progress percent={p.percentComplete} label={`${p.title}: percent complete`} />
          </li>
        ))}
      </ul>
    </>
  );
}
