import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getActor } from "~/auth.server";
import { CyclePicker } from "~/components/cycle";
import { FilterSelect } from "~/components/forms";
import { delegateReach } from "~/db/committees.server";
import { cyclePhase } from "~/db/cycles.server";
import { publicCycleAndPicker } from "~/guards.server";
import { listProposals } from "~/db/proposals.server";
import { proposalPermissions, PROPOSAL_STATUS_KEYS } from "~/domain/proposals/permissions";
import { choiceOf, useFormat } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { localeOf } from "~/i18n/i18n.server";
import { categoryNamesIn, districtNamesIn } from "~/db/translations.server";
import { nameSlot, OfficeText, WithNames } from "~/components/translated";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "proposals:list.metaTitle");

const query = z.object({
  cycle: z.string().optional(),
  district: z.string().optional().catch(undefined),
  status: z.enum(["draft", "costing", "feasible", "not_feasible"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { cycle, cycles } = await publicCycleAndPicker(actor, filter.cycle, await localeOf(request), "proposals");
  if (!cycle) return { cycle: null, cycles: [], proposals: [], filter, canCreate: false };
  const locale = await localeOf(request);
  const [proposals, categoryNames, districtNames] = await Promise.all([listProposals(cycle.id, filter), categoryNamesIn(cycle.categories, locale), districtNamesIn(cycle.districts, locale)]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, writtenIn: cycle.writtenIn, currency: cycle.currency, districts: cycle.districts.map((d) => choiceOf(d.id, districtNames.get(d.id)!)) },
    cycles,
    filter,
    canCreate: proposalPermissions.create(actor, { phase: cyclePhase(cycle) }, await delegateReach(cycle.id, actor?.id)),
    proposals: proposals.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      writtenIn: p.writtenIn,
      district: districtNames.get(p.district.id)!,
      category: categoryNames.get(p.category.id)!,
      status: p.status,
      costCents: p.costEstimates[0]?.totalCents ?? null,
    })),
  };
}

export default function Proposals() {
  const { cycle, cycles, proposals, filter, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  if (!cycle) return <><h1>{t("proposals:list.title")}</h1><p>{t("proposals:list.noCycle")}</p></>;
  return (
    <>
      <h1><WithNames template={t("proposals:list.heading", { cycle: nameSlot(0) })} names={[cycle]} /></h1>
      <CyclePicker cycles={cycles} current={cycle.slug} />
      <p>{t("proposals:list.intro")}</p>
      {canCreate ? <p><Link className="button" to={`/proposals/new?cycle=${cycle.slug}`}>{t("proposals:list.create")}</Link></p> : null}
      <Form method="get" className="filters" aria-label={t("proposals:list.filterLabel")}>
        <input type="hidden" name="cycle" value={cycle.slug} />
        <FilterSelect name="district" label={t("proposals:list.district")} allLabel={t("proposals:list.allDistricts")} value={filter.district} options={cycle.districts} />
        <FilterSelect name="status" label={t("proposals:list.status")} allLabel={t("proposals:list.anyStatus")} value={filter.status} options={Object.entries(PROPOSAL_STATUS_KEYS).map(([value, key]) => ({ value, label: t(key) }))} />
        <button type="submit" className="button-secondary">{t("proposals:list.filter")}</button>
      </Form>
      <p>{t("proposals:list.count", { count: proposals.length })}</p>
      <ul className="item-list">
        {proposals.map((p) => (
          <li key={p.id} className="item">
            <h2 className="item-title"><Link to={`/proposals/${p.id}`}><WithNames template={t("proposals:list.proposalTitle", { number: p.number, title: nameSlot(0) })} names={[{ name: p.title, writtenIn: p.writtenIn }]} /></Link></h2>
            <p className="meta">
              <OfficeText name={p.district} /> · <OfficeText name={p.category} />
              {p.costCents !== null ? ` · ${f.money(p.costCents, cycle.currency)}` : ""} ·{" "}
              <span className={`status status-${p.status}`}>{PROPOSAL_STATUS_KEYS[p.status] ? t(PROPOSAL_STATUS_KEYS[p.status]) : p.status}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
