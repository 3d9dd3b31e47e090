import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SurveyForm } from "~/components/survey-form";
import { surveySetup, surveyTokenUsed } from "~/db/participation.server";
import { ethnicityChoices } from "~/domain/participation/survey";
import { useFormat, useWrittenIn } from "~/i18n/i18n";
import { localeOf } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { TrackerCard } from "~/components/tracker-card";
import { votedNamesIn, type VotedNames } from "~/db/translations.server";
import { readSurveyOffer, takeReceipt, type Receipt } from "~/voter-session.server";

export { noStore as headers } from "~/voter-session.server";

/** Voting pages are plain HTML, no framework download (they work without JavaScript). */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "vote:receipt.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { receipt, tracker: kept, cookie } = await takeReceipt(request);
  // After a language switch the kept tracker names its cycle in the new language (it was stored as voted).
  const locale = await localeOf(request);
  // Both name the cycle and district as voted; only the kept tracker has their ids.
  const voted = kept ?? receipt;
  const names = voted && (await votedNamesIn(voted, locale));
  const tracker = kept && { tracker: kept.tracker, ...names! };
  const shown = receipt && { ...receipt, ...names! };
  // The optional survey, offered once to this voting session (see /vote/survey); still offered after a reload
  // or a language switch while the session keeps the tracker (its 30 minutes), not to the next person at a shared computer.
  const offer = receipt || tracker ? await readSurveyOffer(request) : null;
  const survey = offer && !(await surveyTokenUsed(offer.token)) ? await surveySetup(offer.cycleId) : null;
  const ethnicities = survey ? ethnicityChoices(survey.ethnicities, survey.ethnicityNames, locale) : null;
  return Response.json({ receipt: shown, tracker, survey: ethnicities ? { ethnicities } : null }, { headers: { "Set-Cookie": cookie } });
}

export default function ReceiptPage() {
  const { receipt, tracker, survey } = useLoaderData<typeof loader>() as {
    receipt: (Omit<Receipt, "cycle" | "district"> & VotedNames) | null;
    tracker: ({ tracker: string } & VotedNames) | null;
    survey: { ethnicities: { value: string; label: string }[] } | null;
  };
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  if (!receipt) {
    // Reloaded, or the language switched: the choices were shown once, the tracker stays.
    return (
      <div className="narrow">
        <h1>{t("vote:receipt.goneTitle")}</h1>
        {tracker ? <TrackerCard tracker={tracker} /> : null}
        <p>{t(tracker ? "vote:receipt.choicesShownOnce" : "vote:receipt.gone")}</p>
        {survey ? <SurveyForm ethnicities={survey.ethnicities} /> : null}
        <p><Link to="/results">{t("common:nav.results")}</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("vote:receipt.title")}</h1>
      <TrackerCard tracker={receipt} />
      {/* No list for a ballot sent twice: the second sending cannot know which one was counted (the tracker tells). */}
      {receipt.projects.length ? (
        <>
          <h2>{t("vote:receipt.youChose")}</h2>
          <ul>{receipt.projects.map((p, i) => <li key={p} lang={writtenIn(receipt.projectsWrittenIn?.[i])}>{p}</li>)}</ul>
          {receipt.totalCents !== null ? <p>{t("vote:receipt.total", { total: f.money(receipt.totalCents, receipt.currency) })}</p> : null}
        </>
      ) : null}
      {survey ? <SurveyForm ethnicities={survey.ethnicities} /> : null}
      <p><Link to="/">{t("common:error.backHome")}</Link></p>
    </div>
  );
}
