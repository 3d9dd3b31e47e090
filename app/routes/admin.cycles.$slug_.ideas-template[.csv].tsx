import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCycleFor } from "~/guards.server";
import { ideaImportTemplate } from "~/domain/ideas/import";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { message } from "~/i18n/message";
import { csvDownload, inPlainWords } from "~/http.server";

/** A CSV template for ideas collected on paper, with this cycle's district and category names filled in. */
async function load({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await loadCycleFor(request, params.slug, (actor, c) => ideaPermissions.import(actor, c), message("imports:refused"));
  return csvDownload(`${ideaImportTemplate(cycle)}\r\n`, `ideas-template-${cycle.slug}.csv`, { "Cache-Control": "no-store" });
}

export const loader = inPlainWords(load);
