import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize, getActor } from "~/auth.server";
import { batchCodes } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";

export const meta: MetaFunction = () => [{ title: "Voter codes to print · Civic Budget" }];

/** A printable sheet of a batch's unused voter codes: one slip per voter, cut along the lines. PB office only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), "Only the PB office can print voter codes.");
  const batch = params.batchId ? await batchCodes(params.batchId) : null;
  if (!batch) throw new Response("We could not find that batch of codes.", { status: 404 });
  return {
    cycle: batch.cycle.name,
    district: batch.district.name,
    closes: batch.cycle.votingClosesOn,
    codes: batch.codes.filter((c) => !c.voidedAt && !c.participation).map((c) => c.code),
  };
}

export default function PrintCodes() {
  const { cycle, district, closes, codes } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        {codes.length} unused codes. Print this page; each slip is one voter's code. Used and voided codes are left out.
      </p>
      <div className="code-slips">
        {codes.map((code) => (
          <section key={code} className="code-slip" aria-label={`Voter code ${code}`}>
            <p><strong>{cycle}</strong> — {district}</p>
            <p className="tracker">{code}</p>
            <p>Vote at this site's /vote page{closes ? ` before ${closes}` : ""}. This code votes once; keep it private.</p>
          </section>
        ))}
      </div>
    </>
  );
}
