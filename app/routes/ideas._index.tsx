import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { FilterSelect } from "~/components/forms";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { listIdeas } from "~/db/ideas.server";
import { ideaPermissions, IDEA_STATUS_LABELS } from "~/domain/ideas/permissions";
import { ideaFilter } from "~/domain/ideas/schema";
import { count } from "~/components/text";

export const meta: MetaFunction = () => [{ title: "Ideas · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const filter = ideaFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, filter.cycle);
  if (!cycle) return { cycle: null, cycles: [], ideas: [], filter, canSubmit: false };
  const ideas = await listIdeas(cycle.id, filter);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, districts: cycle.districts, categories: cycle.categories },
    cycles,
    filter,
    canSubmit: ideaPermissions.offerSubmit(actor, { phase: cyclePhase(cycle) }),
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
        <FilterSelect name="district" label="District" allLabel="All districts" value={filter.district} options={cycle.districts.map((d) => ({ value: d.id, label: d.name }))} />
        <FilterSelect name="category" label="Category" allLabel="All categories" value={filter.category} options={cycle.categories.map((c) => ({ value: c.id, label: c.name }))} />
        <button type="submit" className="button-secondary">Filter</button>
      </Form>
      <p aria-live="polite">{count(ideas.length, "idea")}</p>
      <ul className="item-list">
        {ideas.map((i) => (
          <li key={i.id} className="item">
            <h2 className="item-title"><Link to={`/ideas/${i.id}`}>#{i.number} {i.title}</Link></h2>
            <p className="meta">
              {i.district} · {i.category} · {count(i.supports, "support")} ·{" "}
              <span className={`status status-${i.status}`}>{IDEA_STATUS_LABELS[i.status] ?? i.status}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
