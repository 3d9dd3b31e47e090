import { z } from "zod";
import { moneyField } from "../fields";

export interface LineItem {
  description: string;
  quantity: number;
  unitCostCents: number;
}

export function lineTotal(item: Pick<LineItem, "quantity" | "unitCostCents">): number {
  return item.quantity * item.unitCostCents;
}

/** The estimate total is always computed from its line items, never typed. */
export function estimateTotal(items: readonly Pick<LineItem, "quantity" | "unitCostCents">[]): number {
  return items.reduce((sum, item) => sum + lineTotal(item), 0);
}

const lineItemInput = z.object({
  description: z
    .string({ required_error: "Describe this line item." })
    .trim()
    .min(2, "Describe this line item.")
    .max(200),
  quantity: z.coerce
    .number({ invalid_type_error: "Enter a whole quantity, e.g. 3." })
    .int("Enter a whole quantity, e.g. 3.")
    .min(1, "Quantity must be at least 1.")
    .max(1_000_000, "Quantity is too large."),
  unitCost: moneyField("Enter a unit cost above zero, e.g. 1200 or 1200.50."),
});

export const costEstimateInput = z
  .object({
    items: z
      .array(lineItemInput, { required_error: "Add at least one line item." })
      .min(1, "Add at least one line item."),
    verdict: z.enum(["feasible", "not_feasible"], {
      errorMap: () => ({ message: "Choose feasible or not feasible." }),
    }),
    publicReason: z
      .string({ required_error: "Explain the verdict publicly, in plain language." })
      .trim()
      .min(20, "Explain the verdict publicly in at least 20 characters, in plain language.")
      .max(2000),
  })
  .refine((v) => Number.isSafeInteger(estimateTotal(v.items.map((i) => ({ quantity: i.quantity, unitCostCents: i.unitCost })))), {
    message: "This estimate's total is too large to be right. Check the quantities and unit costs.",
    path: ["items"],
  })
  .transform((v) => ({
    ...v,
    lineItems: v.items.map((i) => ({ description: i.description, quantity: i.quantity, unitCostCents: i.unitCost })),
  }));
export type CostEstimateInput = z.infer<typeof costEstimateInput>;
