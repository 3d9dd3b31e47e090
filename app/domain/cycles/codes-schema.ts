import { z } from "zod";
import { message } from "../../i18n/message";

export const generateCodesInput = z.object({
  districtId: z.string({ required_error: message("admin:errors.chooseDistrict") }).min(1, message("admin:errors.chooseDistrict")),
  count: z.coerce
    .number({ invalid_type_error: message("admin:errors.codeCount") })
    .int(message("admin:errors.codeCountWhole"))
    .min(1, message("admin:errors.codeCountMin"))
    .max(20000, message("admin:errors.codeCountMax")),
  // Empty: the route names the batch in the PB office's language ("Batch", "Lote").
  label: z.string().trim().max(100, message("common:form.tooLong", { max: 100 })).default(""),
});

export const voidCodeInput = z.object({
  code: z.string({ required_error: message("admin:errors.voidCode") }).trim().min(1, message("admin:errors.voidCode")).max(40),
  reason: z.string({ required_error: message("admin:errors.voidReason") }).trim().min(3, message("admin:errors.voidReason")).max(200),
});
