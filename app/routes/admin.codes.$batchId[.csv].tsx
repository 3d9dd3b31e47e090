import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, getActor } from "~/auth.server";
import { batchCodes } from "~/db/cycles.server";
import { spreadsheetCsv } from "~/domain/csv";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { message } from "~/i18n/message";
import { csvDownload, inPlainWords } from "~/http.server";

/** A batch of voter codes as CSV, for mail merge (machine column names and status values, in English). PB office only. */
async function load({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), message("admin:errors.onlyOfficeDownloads"));
  const batch = params.batchId ? await batchCodes(params.batchId) : null;
  if (!batch) throw new Response(message("admin:errors.batchNotFound"), { status: 404 });
  const csv = spreadsheetCsv(
    batch.codes.map((c) => ({
      code: c.code,
      cycle: batch.cycle.name,
      district: batch.district.name,
      batch: batch.label,
      status: c.voidedAt ? "void" : c.participation ? "used" : "unused",
    })),
  );
  // Each batch its own file name (a district often has several: letters, a library, a reprint).
  const name = ["voter-codes", batch.cycle.slug, batch.district.name, batch.label].map((part) => part.replace(/\W+/g, "-").replace(/^-|-$/g, "")).filter(Boolean).join("-");
  return csvDownload(csv, `${name}.csv`, { "Cache-Control": "no-store" });
}

export const loader = inPlainWords(load);
