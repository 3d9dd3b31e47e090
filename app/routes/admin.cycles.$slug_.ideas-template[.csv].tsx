import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, getActor } from "~/auth.server";
import { cyclePhase, getCycle } from "~/db/cycles.server";
import { ideaImportTemplate } from "~/domain/ideas/import";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { message } from "~/i18n/message";

/** A CSV template for ideas collected on paper, with this cycle's district and category names filled in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const cycle = params.slug ? await getCycle({ slug: params.slug }) : null;
  if (!cycle) throw new Response(message("imports:notFound"), { status: 404 });
  authorize(request, actor, ideaPermissions.import(actor, { phase: cyclePhase(cycle) }), message("imports:refused"));
  return new Response(`\uFEFF${ideaImportTemplate(cycle)}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ideas-template-${cycle.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
