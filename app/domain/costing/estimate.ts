import { z } from "zod";
import { message } from "../../i18n/message";
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
    .string({ required_error: message("costing:errors.descriptionMissing") })
    .trim()
    .min(2, message("costing:errors.descriptionMissing"))
    .max(200, message("costing:errors.descriptionLong")),
  quantity: z.coerce
    .number({ invalid_type_error: message("costing:errors.quantityNotWhole") })
    .int(message("costing:errors.quantityNotWhole"))
    .min(1, message("costing:errors.quantityTooSmall"))
    .max(1_000_000, message("costing:errors.quantityTooLarge")),
  unitCost: moneyField(message("costing:errors.unitCost")),
});

export const costEstimateInput = z
  .object({
    items: z
      .array(lineItemInput, { required_error: message("costing:errors.itemsMissing") })
      .min(1, message("costing:errors.itemsMissing")),
    verdict: z.enum(["feasible", "not_feasible"], {
      errorMap: () => ({ message: message("costing:errors.verdictMissing") }),
    }),
    publicReason: z
      .string({ required_error: message("costing:errors.reasonMissing") })
      .trim()
      .min(20, message("costing:errors.reasonShort"))
      .max(2000, message("costing:errors.reasonLong")),
  })
  .refine((v) => Number.isSafeInteger(estimateTotal(v.items.map((i) => ({ quantity: i.quantity, unitCostCents: i.unitCost })))), {
    message: message("costing:errors.totalTooLarge"),
    path: ["items"],
  })
  .transform((v) => ({
    ...v,
    lineItems: v.items.map((i) => ({ description: i.description, quantity: i.quantity, unitCostCents: i.unitCost })),
  }));
export type CostEstimateInput = z.infer<typeof costEstimateInput>;
