import { formatMoney } from "~/domain/money";

export interface EstimateView {
  totalCents: number;
  feasible: boolean;
  publicReason: string;
  createdAt: string;
  lineItems: { description: string; quantity: number; unitCostCents: number; totalCents: number }[];
}

/** A cost estimate as residents see it: line items, computed total, verdict and reason. */
export function CostEstimateTable({ estimate, currency }: { estimate: EstimateView; currency: string }) {
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Cost estimate line items</caption>
          <thead>
            <tr><th scope="col">Item</th><th scope="col" className="num">Quantity</th><th scope="col" className="num">Unit cost</th><th scope="col" className="num">Cost</th></tr>
          </thead>
          <tbody>
            {estimate.lineItems.map((li, i) => (
              <tr key={i}>
                <td>{li.description}</td>
                <td className="num">{li.quantity}</td>
                <td className="num">{formatMoney(li.unitCostCents, currency)}</td>
                <td className="num">{formatMoney(li.totalCents, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={3}>Total</th><td className="num"><strong>{formatMoney(estimate.totalCents, currency)}</strong></td></tr>
          </tfoot>
        </table>
      </div>
      <p>
        <span className={`status status-${estimate.feasible ? "feasible" : "not_feasible"}`}>{estimate.feasible ? "Feasible" : "Not feasible"}</span>{" "}
        <span className="muted">(estimated {estimate.createdAt})</span>
      </p>
      <p className="prose">{estimate.publicReason}</p>
    </>
  );
}
