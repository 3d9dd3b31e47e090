import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { FilterSelect } from "~/components/forms";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { listIdeas } from "~/db/ideas.server";
import { ideaPermissions, IDEA_STATUS_KEYS } from "~/domain/ideas/permissions";
import { ideaFilter } from "~/domain/ideas/schema";
import { pageTitle } from "~/i18n/meta";
import { localeOf } from "~/i18n/i18n.server";
import { categoryNamesIn, districtNamesIn } from "~/db/translations.server";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";
import { choiceOf } from "~/i18n/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas:list.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const filter = ideaFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, filter.cycle, await localeOf(request), "ideas");
  if (!cycle) return { cycle: null, cycles: [], ideas: [], filter, canSubmit: false };
  const locale = await localeOf(request);
  const [ideas, categoryNames, districtNames] = await Promise.all([listIdeas(cycle.id, filter), categoryNamesIn(cycle.categories, locale), districtNamesIn(cycle.districts, locale)]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, writtenIn: cycle.writtenIn, districts: cycle.districts.map((d) => choiceOf(d.id, districtNames.get(d.id)!)), categories: cycle.categories.map((c) => choiceOf(c.id, categoryNames.get(c.id)!)) },
    cycles,
    filter,
    canSubmit: ideaPermissions.offerSubmit(actor, { phase: cyclePhase(cycle) }),
    ideas: ideas.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      writtenIn: i.writtenIn,
      district: districtNames.get(i.district.id)!,
      category: categoryNames.get(i.category.id)!,
      status: i.status,
      supports: i._count.supports,
    })),
  };
}

export default function Ideas() {
  const { cycle, cycles, ideas, filter, canSubmit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!cycle) return <><h1>{t("ideas:list.title")}</h1><p>{t("ideas:list.noCycle")}</p></>;
  return (
    <>
      <h1><WithNames template={t("ideas:list.heading", { cycle: nameSlot(0) })} names={[cycle]} /></h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      <p><Link to={`/ideas/outcomes?cycle=${cycle.slug}`}>{t("ideas:outcomes.link")}</Link></p>
      {canSubmit ? (
        <p><Link className="button" to={`/ideas/new?cycle=${cycle.slug}`}>{t("ideas:list.share")}</Link></p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("ideas:list.filterLabel")}>
        <input type="hidden" name="cycle" value={cycle.slug} />
        <FilterSelect name="district" label={t("ideas:list.district")} allLabel={t("ideas:list.allDistricts")} value={filter.district} options={cycle.districts} />
        <FilterSelect name="category" label={t("ideas:list.category")} allLabel={t("ideas:list.allCategories")} value={filter.category} options={cycle.categories} />
        <button type="submit" className="button-secondary">{t("ideas:list.filter")}</button>
      </Form>
      <p aria-live="polite">{t("ideas:list.count", { count: ideas.length })}</p>
      <ul className="item-list">
        {ideas.map((i) => (
          <li key={i.id} className="item">
            <h2 className="item-title"><Link to={`/ideas/${i.id}`}><WithNames template={t("ideas:list.ideaTitle", { number: i.number, title: nameSlot(0) })} names={[{ name: i.title, writtenIn: i.writtenIn }]} /></Link></h2>
            <p className="meta">
              <OfficeText name={i.district} /> · <OfficeText name={i.category} /> · {t("ideas:list.supports", { count: i.supports })} ·{" "}
              <span className={`status status-${i.status}`}>{IDEA_STATUS_KEYS[i.status] ? t(IDEA_STATUS_KEYS[i.status]) : i.status}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
