import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/i18n";

export interface EstimateView {
  version?: number;
  totalCents: number;
  oneOffCents?: number;
  contingencyPercent?: number;
  contingencyCents?: number;
  recurringCents?: number;
  feasible: boolean;
  publicReason: string;
  createdAt: string;
  lineItems: { description: string; quantity: number; unitCostCents: number; totalCents: number; recurring?: boolean }[];
  checks?: { label: string; outcome: string; note: string; kind: string }[];
}

export interface EstimateVersion {
  version: number;
  totalCents: number;
  recurringCents: number;
  feasible: boolean;
  createdAt: string;
  staffName: string | null;
}

/** A cost estimate as residents see it: line items, computed totals, checklist, verdict and reason. */
export function CostEstimateTable({ estimate, currency }: { estimate: EstimateView; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const outcomeLabels: Record<string, string> = { met: t("costing:check.met"), not_met: t("costing:check.notMet"), not_applicable: t("costing:check.notApplicable") };
  const contingency = estimate.contingencyCents ?? 0;
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{t("costing:table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("costing:table.item")}</th>
              <th scope="col" className="num">{t("costing:table.quantity")}</th>
              <th scope="col" className="num">{t("costing:table.unitCost")}</th>
              <th scope="col" className="num">{t("costing:table.cost")}</th>
            </tr>
          </thead>
          <tbody>
            {estimate.lineItems.map((li, i) => (
              <tr key={i}>
                <td>{li.description}{li.recurring ? <> <span className="muted">{t("costing:table.perYear")}</span></> : null}</td>
                <td className="num">{f.number(li.quantity)}</td>
                <td className="num">{f.money(li.unitCostCents, currency)}</td>
                <td className="num">{f.money(li.totalCents, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {contingency > 0 ? (
              <tr><th scope="row" colSpan={3}>{t("costing:table.contingency", { percent: estimate.contingencyPercent })}</th><td className="num">{f.money(contingency, currency)}</td></tr>
            ) : null}
            <tr><th scope="row" colSpan={3}>{t("costing:table.total")}</th><td className="num"><strong data-testid="public-total">{f.money(estimate.totalCents, currency)}</strong></td></tr>
            {estimate.recurringCents ? (
              <tr><th scope="row" colSpan={3}>{t("costing:table.recurring")}</th><td className="num" data-testid="public-recurring">{f.money(estimate.recurringCents, currency)}</td></tr>
            ) : null}
          </tfoot>
        </table>
      </div>
      {estimate.checks?.length ? (
        <>
          <h3>{t("costing:table.checklist")}</h3>
          <ul className="checklist">
            {estimate.checks.map((c, i) => (
              <li key={i}>
                <span className={`status status-${c.outcome === "met" ? "feasible" : c.outcome === "not_met" ? "not_feasible" : "draft"}`}>{outcomeLabels[c.outcome] ?? c.outcome}</span>{" "}
                {c.label}{c.note ? <span className="muted"> — {c.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <span className={`status status-${estimate.feasible ? "feasible" : "not_feasible"}`}>{estimate.feasible ? t("costing:table.feasible") : t("costing:table.notFeasible")}</span>{" "}
        <span className="muted">{estimate.version ? t("costing:table.versionOn", { version: estimate.version, date: f.date(estimate.createdAt) }) : t("costing:table.estimatedOn", { date: f.date(estimate.createdAt) })}</span>
      </p>
      <p className="prose">{estimate.publicReason}</p>
    </>
  );
}

/** Every version of an estimate: who, when, total, verdict. */
export function EstimateHistory({ history, currency }: { history: EstimateVersion[]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!history.length) return null;
  return (
    <section aria-labelledby="estimate-history">
      <h2 id="estimate-history">{t("costing:history.title")}</h2>
      <div className="table-scroll">
        <table data-testid="estimate-history">
          <thead>
            <tr>
              <th scope="col">{t("costing:history.version")}</th>
              <th scope="col">{t("costing:history.when")}</th>
              <th scope="col">{t("costing:history.who")}</th>
              <th scope="col" className="num">{t("costing:history.total")}</th>
              <th scope="col" className="num">{t("costing:history.recurring")}</th>
              <th scope="col">{t("costing:history.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.version}>
                <td>{t("costing:history.versionNumber", { version: h.version })}</td>
                <td>{f.date(h.createdAt)}</td>
                <td>{h.staffName ?? "—"}</td>
                <td className="num">{f.money(h.totalCents, currency)}</td>
                <td className="num">{f.money(h.recurringCents, currency)}</td>
                <td>{h.feasible ? t("costing:table.feasible") : t("costing:table.notFeasible")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
