import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { count } from "~/components/text";
import { publishedTrackers } from "~/db/ballots.server";
import { resolveCycle } from "~/db/cycles.server";

export const meta: MetaFunction = () => [{ title: "Check your ballot was counted · Civic Budget" }];

const query = z.object({
  cycle: z.string().max(60).optional(),
  tracker: z.string().max(40).optional().transform((t) => t?.toUpperCase().replace(/[^0-9A-F]/g, "").replace(/(.{4})(?=.)/g, "$1-")),
});

/** After publication, every counted ballot's tracker is listed; a voter can find theirs. Contents are never shown. */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = q.success ? q.data : {};
  const cycle = await resolveCycle(filter.cycle, { includeDrafts: false, prefer: "results" });
  if (!cycle) throw new Response("We could not find that cycle.", { status: 404 });
  const districts = await publishedTrackers(cycle.id);
  const found = filter.tracker ? districts.find((d) => d.trackers.includes(filter.tracker!)) : undefined;
  return { cycle: { name: cycle.name, slug: cycle.slug }, districts, tracker: filter.tracker ?? "", found: found?.district ?? null };
}

export default function Trackers() {
  const { cycle, districts, tracker, found } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Check that your ballot was counted</h1>
      <p>
        {cycle.name}. Your receipt showed a ballot tracker. Every ballot counted in a published result is listed here by its tracker only: no names, no
        codes, no choices.
      </p>
      <Form method="get" className="inline-form">
        <input type="hidden" name="cycle" value={cycle.slug} />
        <label htmlFor="tracker">Your tracker</label>
        <input id="tracker" name="tracker" defaultValue={tracker} placeholder="1A2B-3C4D-5E6F" autoComplete="off" />
        <button type="submit" className="button-secondary">Check</button>
      </Form>
      {tracker ? (
        found ? (
          <Notice tone="success">Ballot {tracker} was counted in {found}.</Notice>
        ) : (
          <Notice tone="error">
            No counted ballot has the tracker {tracker}. Check it against your receipt. If results for your district are not published yet, come back
            later; if they are, contact the PB office.
          </Notice>
        )
      ) : null}
      {districts.length === 0 ? <p>No results are published for this cycle yet.</p> : null}
      {districts.map((d) => (
        <details key={d.district}>
          <summary>{d.district}: {count(d.trackers.length, "ballot")}</summary>
          <p className="tracker-list">{d.trackers.join(" ")}</p>
        </details>
      ))}
      <p><Link to={`/results?cycle=${cycle.slug}`}>Back to the results</Link></p>
    </>
  );
}
