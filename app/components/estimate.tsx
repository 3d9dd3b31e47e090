import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/i18n";

export interface EstimateView {
  totalCents: number;
  feasible: boolean;
  publicReason: string;
  createdAt: string;
  lineItems: { description: string; quantity: number; unitCostCents: number; totalCents: number }[];
}

/** A cost estimate as residents see it: line items, computed total, verdict and reason. */
export function CostEstimateTable({ estimate, currency }: { estimate: EstimateView; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
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
                <td>{li.description}</td>
                <td className="num">{f.number(li.quantity)}</td>
                <td className="num">{f.money(li.unitCostCents, currency)}</td>
                <td className="num">{f.money(li.totalCents, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={3}>{t("costing:table.total")}</th><td className="num"><strong>{f.money(estimate.totalCents, currency)}</strong></td></tr>
          </tfoot>
        </table>
      </div>
      <p>
        <span className={`status status-${estimate.feasible ? "feasible" : "not_feasible"}`}>{estimate.feasible ? t("costing:table.feasible") : t("costing:table.notFeasible")}</span>{" "}
        <span className="muted">{t("costing:table.estimatedOn", { date: f.date(estimate.createdAt) })}</span>
      </p>
      <p className="prose">{estimate.publicReason}</p>
    </>
  );
}
