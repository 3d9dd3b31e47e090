import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { batchCodes } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { useFormat } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

// Unused voter codes: no browser or proxy cache keeps a copy.
export { noStore as headers } from "~/voter-session.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "admin:slips.metaTitle");

/** A printable sheet of a batch's unused voter codes: one slip per voter, cut along the lines. PB office only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), message("admin:errors.onlyOfficePrints"));
  const batch = params.batchId ? await batchCodes(params.batchId) : null;
  if (!batch) throw new Response(message("admin:errors.batchNotFound"), { status: 404 });
  const usable = cyclePermissions.printSlips(actor, { phase: batch.cycle.phase });
  return {
    closed: !usable,
    cycle: batch.cycle.name,
    district: batch.district.name,
    closes: batch.cycle.votingClosesOn,
    // A slip is read on paper: the whole address, as the office reached the site (behind a proxy: TRUST_PROXY).
    voteUrl: new URL("/vote", new URL(request.url).origin).href,
    codes: usable ? batch.codes.filter((c) => !c.voidedAt && !c.participation).map((c) => c.code) : [],
  };
}

export default function PrintCodes() {
  const { closed, cycle, district, closes, voteUrl, codes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const howToVote = closes ? t("admin:slips.howToVoteBefore", { url: voteUrl, date: f.date(closes) }) : t("admin:slips.howToVote", { url: voteUrl });
  if (closed) return <p>{t("admin:slips.closed")}</p>;
  return (
    <>
      <p className="no-print">{t("admin:slips.intro", { count: codes.length })}</p>
      <div className="code-slips">
        {codes.map((code) => (
          <section key={code} className="code-slip" aria-label={t("admin:slips.label", { code })}>
            <p><strong>{cycle}</strong> — {district}</p>
            <p className="tracker">{code}</p>
            <p>{howToVote}</p>
          </section>
        ))}
      </div>
    </>
  );
}
