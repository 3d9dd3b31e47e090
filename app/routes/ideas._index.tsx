import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { cyclePhase, listCycles, resolveCycle } from "~/db/cycles.server";
import { listIdeas } from "~/db/ideas.server";
import { hasRole } from "~/domain/auth/roles";
import { ideaPermissions, IDEA_STATUS_LABELS } from "~/domain/ideas/permissions";
import { ideaFilter } from "~/domain/ideas/schema";

export const meta: MetaFunction = () => [{ title: "Ideas · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const filter = ideaFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const includeDrafts = hasRole(actor, "admin");
  const cycle = await resolveCycle(filter.cycle, { includeDrafts });
  if (!cycle) return { cycle: null, cycles: [], ideas: [], filter, canSubmit: false };
  const [ideas, cycles] = await Promise.all([listIdeas(cycle.id, filter), listCycles({ includeDrafts })]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, districts: cycle.districts, categories: cycle.categories },
    cycles: cycles.map((c) => ({ slug: c.slug, name: c.name })),
    filter,
    canSubmit: cycle.phase === "ideas" && (!actor || ideaPermissions.submit(actor, { phase: cyclePhase(cycle) })),
    ideas: ideas.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      district: i.district.name,
      category: i.category.name,
      status: i.status,
      supports: i._count.supports,
    })),
  };
}

export default function Ideas() {
  const { cycle, cycles, ideas, filter, canSubmit } = useLoaderData<typeof loader>();
  if (!cycle) return <><h1>Ideas</h1><p>No budgeting cycle is public yet.</p></>;
  return (
    <>
      <h1>Ideas for {cycle.name}</h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      {canSubmit ? (
        <p><Link className="button" to={`/ideas/new?cycle=${cycle.slug}`}>Share an idea</Link></p>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter ideas">
        <input type="hidden" name="cycle" value={cycle.slug} />
        <div className="field">
          <label htmlFor="district">District</label>
          <select id="district" name="district" defaultValue={filter.district ?? ""}>
            <option value="">All districts</option>
            {cycle.districts.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={filter.category ?? ""}>
            <option value="">All categories</option>
            {cycle.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary">Filter</button>
      </Form>
      <p aria-live="polite">{ideas.length} idea{ideas.length === 1 ? "" : "s"}</p>
      <ul className="item-list">
        {ideas.map((i) => (
          <li key={i.id} className="item">
            <h2 className="item-title"><Link to={`/ideas/${i.id}`}>#{i.number} {i.title}</Link></h2>
            <p className="meta">
              {i.district} · {i.category} · {i.supports} support{i.supports === 1 ? "" : "s"} ·{" "}
              <span className={`status status-${i.status}`}>{IDEA_STATUS_LABELS[i.status] ?? i.status}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
