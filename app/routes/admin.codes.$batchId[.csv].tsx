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
  return csvDownload(csv, `voter-codes-${batch.cycle.slug}-${batch.district.name.replace(/\W+/g, "-")}.csv`, { "Cache-Control": "no-store" });
}

export const loader = inPlainWords(load);
