import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { useFormat } from "~/i18n/i18n";
import { nameSlot, WithNames } from "~/components/translated";
import { publishedTrackers, trackerWhereabouts } from "~/db/ballots.server";
import { normaliseTracker } from "~/domain/ballots/trackers";
import { resolveCycle } from "~/db/cycles.server";
import { cyclesInLocale } from "~/db/translations.server";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "results:trackers.metaTitle");

// Each field on its own (.catch): a whole receipt line pasted as the tracker must not drop the cycle.
const query = z.object({
  cycle: z.string().max(60).optional().catch(undefined),
  tracker: z.string().max(200).optional().catch((ctx) => String(ctx.input).slice(0, 200)),
});

/** After publication, every counted ballot's tracker is listed; a voter can find theirs. Contents are never shown. */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = q.success ? q.data : {};
  const cycle = await resolveCycle(filter.cycle, { includeDrafts: false, prefer: "results" });
  if (!cycle) throw new Response(message("results:errors.cycleNotFound"), { status: 404 });
  const locale = await localeOf(request);
  const districts = await publishedTrackers(cycle.id, locale);
  const typed = filter.tracker?.trim() ?? "";
  const tracker = typed ? normaliseTracker(typed) : null;
  const found = tracker ? districts.find((d) => d.trackers.includes(tracker)) : undefined;
  const whereabouts = tracker && !found ? await trackerWhereabouts(tracker) : null;
  // A tracker from another vote's receipt (this page opens on the latest published cycle): that vote's list.
  if (whereabouts?.counted && whereabouts.slug !== cycle.slug) throw redirect(`/results/trackers?${new URLSearchParams({ cycle: whereabouts.slug, tracker: tracker! })}`);
  // Recorded, and its count is not published yet: said so, not "no counted ballot has it".
  const waiting = whereabouts && !whereabouts.counted ? (await cyclesInLocale([whereabouts.cycle], locale))[0] : null;
  const [{ name, writtenIn }] = await cyclesInLocale([cycle], locale);
  return {
    cycle: { name, writtenIn, slug: cycle.slug },
    districts,
    typed,
    tracker,
    found: found?.district ?? null,
    // While voting is open, when it closes; once closed, only that the count is to come.
    waiting: waiting && { name: waiting.name, writtenIn: waiting.writtenIn, closes: waiting.phase === "voting" ? waiting.votingClosesOn : null, closed: waiting.phase !== "voting" },
  };
}

export default function Trackers() {
  const { cycle, districts, typed, tracker, found, waiting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t("results:trackers.title")}</h1>
      <p><WithNames template={t("results:trackers.intro", { cycle: nameSlot(0) })} names={[cycle]} /></p>
      <Form method="get" className="inline-form">
        <input type="hidden" name="cycle" value={cycle.slug} />
        <label htmlFor="tracker">{t("results:trackers.label")}</label>
        <input
          id="tracker"
          name="tracker"
          defaultValue={typed}
          placeholder="1A2B-3C4D-5E6F"
          autoComplete="off"
          aria-invalid={typed && !tracker ? true : undefined}
          aria-describedby={typed && !tracker ? "tracker-error" : undefined}
        />
        <button type="submit" className="button-secondary">{t("results:trackers.check")}</button>
      </Form>
      {typed && !tracker ? (
        <p id="tracker-error" className="error" role="alert">{t("results:trackers.malformed", { typed })}</p>
      ) : null}
      {tracker ? (
        found ? (
          <Notice tone="success"><WithNames template={t("results:trackers.found", { tracker, district: nameSlot(0) })} names={[found]} /></Notice>
        ) : waiting ? (
          <Notice>
            <WithNames
              template={t(waiting.closed ? "results:trackers.waitingClosed" : waiting.closes ? "results:trackers.waitingCloses" : "results:trackers.waiting", { tracker, cycle: nameSlot(0), date: waiting.closes ? f.date(waiting.closes) : "" })}
              names={[waiting]}
            />
          </Notice>
        ) : (
          <Notice tone="error">{t("results:trackers.notFound", { tracker })}</Notice>
        )
      ) : null}
      {districts.length === 0 ? <p>{t("results:trackers.none")}</p> : null}
      {districts.map((d) => (
        <details key={d.district.name}>
          <summary><WithNames template={t("results:trackers.district", { district: nameSlot(0), count: d.trackers.length })} names={[d.district]} /></summary>
          <p className="tracker-list">{d.trackers.join(" ")}</p>
        </details>
      ))}
      <p><Link to={`/results?cycle=${cycle.slug}`}>{t("results:trackers.back")}</Link></p>
    </>
  );
}
