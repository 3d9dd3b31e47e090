import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { ideaOutcomes } from "~/db/ideas.server";
import { publicCycleAndPicker } from "~/guards.server";
import { pageTitle } from "~/i18n/meta";
import { localeOf } from "~/i18n/i18n.server";
import { districtNamesIn, titlesIn } from "~/db/translations.server";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { useWrittenIn } from "~/i18n/i18n";
import { PROPOSAL_STATUS_KEYS } from "~/domain/proposals/permissions";
import { cyclePhase } from "~/db/cycles.server";
import { proposalNotFunded } from "~/domain/ideas/permissions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas:outcomes.metaTitle");

// Every idea gets a visible answer: developed, merged, not taken forward (with the reason), or still waiting.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const { cycle: slug } = z.object({ cycle: z.string().max(100).optional().catch(undefined) }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await localeOf(request);
  const { cycle, cycles } = await publicCycleAndPicker(actor, slug, locale);
  if (!cycle) return { cycle: null, cycles, ideas: [] };
  const ideas = await ideaOutcomes(cycle.id);
  const [districtNames, ideaTitles, proposalTitles] = await Promise.all([
    districtNamesIn(ideas.map((i) => i.district), locale),
    titlesIn("idea", ideas, locale),
    titlesIn("proposal", ideas.flatMap((i) => i.proposals.map((p) => p.proposal)), locale),
  ]);
  const phase = cyclePhase(cycle);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, writtenIn: cycle.writtenIn },
    cycles,
    ideas: ideas.map((i) =>
      // A hidden idea is counted and numbered, but its text is not shown here.
      i.hiddenAt
        ? { id: i.id, number: i.number, hidden: true as const, title: null, district: districtNames.get(i.district.id)!, status: i.status, reason: "", mergedInto: null, proposals: [] }
        : { id: i.id, number: i.number, hidden: false as const, ...ideaTitles.get(i.id)!, district: districtNames.get(i.district.id)!, status: i.status, reason: i.outcomeReason, mergedInto: i.mergedInto, proposals: i.proposals.map((p) => ({ ...p.proposal, ...proposalTitles.get(p.proposal.id)!, notFunded: proposalNotFunded(phase, { status: p.proposal.status, hasProject: !!p.proposal.project }) })) },
    ),
  };
}

export default function IdeaOutcomes() {
  const { t } = useTranslation();
  const writtenIn = useWrittenIn();
  const { cycle, cycles, ideas } = useLoaderData<typeof loader>();
  if (!cycle) return <h1>{t("ideas:outcomes.title")}</h1>;
  const count = (status: string) => ideas.filter((i) => !i.hidden && i.status === status).length;
  return (
    <div>
      <h1>{t("ideas:outcomes.title")}</h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      <p><WithNames template={t("ideas:outcomes.intro", { cycle: nameSlot(0) })} names={[cycle]} /></p>
      <p role="status">
        {t("ideas:outcomes.summary", { total: ideas.length, developed: count("developed"), merged: count("merged"), notTaken: count("not_taken_forward"), withdrawn: count("withdrawn"), open: count("open") })}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("ideas:outcomes.idea")}</th>
              <th scope="col">{t("ideas:outcomes.district")}</th>
              <th scope="col">{t("ideas:outcomes.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {ideas.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.hidden ? `#${i.number}` : <Link to={`/ideas/${i.id}`}>#{i.number} <span lang={writtenIn(i.writtenIn)}>{i.title}</span></Link>}</th>
                <td><OfficeText name={i.district} /></td>
                <td>
                  {i.hidden ? (
                    t("ideas:outcomes.hidden")
                  ) : i.status === "developed" ? (
                    <ul className="plain">
                      {i.proposals.map((p) => (
                        <li key={p.id}>
                          <Link to={`/proposals/${p.id}`}><WithNames template={t("ideas:outcomes.proposal", { number: p.number, title: nameSlot(0) })} names={[{ name: p.title, writtenIn: p.writtenIn }]} /></Link>
                          {p.project ? (
                            <>
                              {" — "}
                              <Link to={`/projects/${p.project.id}`}>{t("ideas:outcomes.funded")}</Link>
                            </>
                          ) : p.notFunded ? (
                            ` — ${t("ideas:outcomes.notFunded")}`
                          ) : PROPOSAL_STATUS_KEYS[p.status] ? (
                            ` — ${t(PROPOSAL_STATUS_KEYS[p.status])}`
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : i.status === "merged" && i.mergedInto ? (
                    <Link to={`/ideas/${i.mergedInto.id}`}>{t("ideas:merge.outcome", { number: i.mergedInto.number })}</Link>
                  ) : i.status === "not_taken_forward" ? (
                    t("ideas:outcomes.notTaken", { reason: i.reason })
                  ) : i.status === "withdrawn" ? (
                    i.reason ? t("ideas:outcomes.withdrawnReason", { reason: i.reason }) : t("ideas:outcomes.withdrawn")
                  ) : (
                    t("ideas:outcomes.waiting")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
