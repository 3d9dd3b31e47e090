import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { authorize, getActor } from "~/auth.server";
import { batchCodes } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";

/** A batch of voter codes as CSV, for mail merge. PB office only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), "Only the PB office can download voter codes.");
  const batch = params.batchId ? await batchCodes(params.batchId) : null;
  if (!batch) throw new Response("We could not find that batch of codes.", { status: 404 });
  const csv = Papa.unparse(
    batch.codes.map((c) => ({
      code: c.code,
      cycle: batch.cycle.name,
      district: batch.district.name,
      batch: batch.label,
      status: c.voidedAt ? "void" : c.participation ? "used" : "unused",
    })),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="voter-codes-${batch.cycle.slug}-${batch.district.name.replace(/\W+/g, "-")}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
