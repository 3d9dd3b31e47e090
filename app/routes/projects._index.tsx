import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FilterSelect } from "~/components/forms";
import { Progress } from "~/components/progress";
import { listCycles } from "~/db/cycles.server";
import { listProjects } from "~/db/projects.server";
import { cyclesInLocale, districtNamesIn, projectsInLocale } from "~/db/translations.server";
import { PROJECT_STATUSES, PROJECT_STATUS_KEYS } from "~/domain/implementation/permissions";
import { HEALTH_KEYS, milestoneState, PROJECT_HEALTHS, projectHealth, spendSummary } from "~/domain/implementation/progress";
import { choiceOf, useFormat, useWrittenIn } from "~/i18n/i18n";
import { OfficeText } from "~/components/translated";
import { localeOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "projects:list.metaTitle");

const query = z.object({
  cycle: z.string().optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  district: z.string().optional().catch(undefined),
  // How the home page's report-back counts (a late milestone makes a project delayed), for its links.
  health: z.enum(PROJECT_HEALTHS).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const cycles = await listCycles({ includeDrafts: false });
  const cycle = cycles.find((c) => c.slug === filter.cycle);
  // Districts are per cycle; the same name across cycles is one choice (chosen by its name as written,
  // read in the reader's language).
  const locale = await localeOf(request);
  const districts = (cycle ? [cycle] : cycles).flatMap((c) => c.districts);
  const districtIds = districts.filter((d) => d.name === filter.district).map((d) => d.id);
  const districtLabels = await districtNamesIn(districts, locale);
  const districtChoices = [...new Map(districts.map((d) => [d.name, choiceOf(d.name, districtLabels.get(d.id)!)])).values()].sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  const projects = filter.district && districtIds.length === 0 ? [] : await listProjects({ cycleId: cycle?.id, status: filter.status, districtIds: filter.district ? districtIds : undefined });
  const today = new Date().toISOString().slice(0, 10);
  const shown = filter.health ? projects.filter((p) => projectHealth(p, p.milestones, today) === filter.health) : projects;
  const named = await projectsInLocale(shown, locale);
  return {
    filter,
    cycles: (await cyclesInLocale(cycles, locale)).map((c) => ({ value: c.slug, label: c.name, lang: c.writtenIn })),
    districts: districtChoices,
    projects: shown.map((p) => ({
      id: p.id,
      title: named.get(p.id)!.title,
      writtenIn: named.get(p.id)!.writtenIn,
      cycle: named.get(p.id)!.cycle,
      district: named.get(p.id)!.district,
      agency: named.get(p.id)!.agency,
      status: p.status as (typeof PROJECT_STATUSES)[number],
      percentComplete: p.percentComplete,
      budgetCents: p.budgetCents,
      currency: p.cycle.currency,
      lastUpdate: p.updates[0]?.postedOn ?? null,
      spend: spendSummary(p.budgetCents, p.spends),
      lateMilestones: p.milestones.filter((m) => milestoneState(m, today, p) === "late").length,
    })),
  };
}

export default function Projects() {
  const { filter, cycles, districts, projects } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const writtenIn = useWrittenIn();
  const f = useFormat();
  return (
    <>
      <h1>{t("projects:list.title")}</h1>
      <p>{t("projects:list.intro")}</p>
      <Form method="get" className="filters" aria-label={t("projects:list.filterLabel")}>
        <FilterSelect name="cycle" label={t("common:cycle.picker")} allLabel={t("projects:list.allCycles")} value={filter.cycle} options={cycles} />
        <FilterSelect name="district" label={t("projects:list.district")} allLabel={t("projects:list.allDistricts")} value={filter.district} options={districts} />
        <FilterSelect
          name="status"
          label={t("projects:list.status")}
          allLabel={t("projects:list.anyStatus")}
          value={filter.status}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(PROJECT_STATUS_KEYS[s]) }))}
        />
        {filter.health ? <input type="hidden" name="health" value={filter.health} /> : null}
        <button type="submit" className="button-secondary">{t("projects:list.filter")}</button>
      </Form>
      {filter.health ? (
        <p role="status">
          {t("projects:list.healthShown", { health: t(HEALTH_KEYS[filter.health]) })}{" "}
          <Link to={`/projects${filter.cycle ? `?cycle=${filter.cycle}` : ""}`}>{t("projects:list.showAll")}</Link>
        </p>
      ) : null}
      {projects.length === 0 ? <p>{t("projects:list.none")}</p> : null}
      <ul className="item-list">
        {projects.map((p) => (
          <li key={p.id} className="item">
            <h2 className="item-title"><Link to={`/projects/${p.id}`} lang={writtenIn(p.writtenIn)}>{p.title}</Link></h2>
            <p className="meta">
              <OfficeText name={p.cycle} /> · <OfficeText name={p.district} /> · {f.money(p.budgetCents, p.currency)}{p.agency ? <> · <OfficeText name={p.agency} /></> : null} ·{" "}
              <span className={`status status-${p.status}`}>{PROJECT_STATUS_KEYS[p.status] ? t(PROJECT_STATUS_KEYS[p.status]) : p.status}</span>
              {p.spend.spentCents > 0 ? ` · ${t("projects:list.spent", { spent: f.money(p.spend.spentCents, p.currency) })}` : ""}
              {p.spend.overBudget ? <> · <strong className="error">{t("projects:spend.over", { amount: f.money(p.spend.overByCents, p.currency) })}</strong></> : null}
              {p.lateMilestones > 0 ? <> · <strong className="error">{t("projects:list.late", { count: p.lateMilestones })}</strong></> : null}
              {p.lastUpdate ? ` · ${t("projects:list.updated", { date: f.date(p.lastUpdate) })}` : ""}
            </p>
            <Progress percent={p.percentComplete} label={t("projects:list.progressLabel", { title: p.title })} />
          </li>
        ))}
      </ul>
    </>
  );
}
