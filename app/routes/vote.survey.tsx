import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms";
import { SurveyForm } from "~/components/survey-form";
import { readForm } from "~/csrf.server";
import { localeOf } from "~/i18n/i18n.server";
import { declineSurvey, recordSurveyAnswer, surveySetup, surveyTokenUsed } from "~/db/participation.server";
import { answeredNothing, ethnicityChoices, readSurveyForm } from "~/domain/participation/survey";
import { pageTitle } from "~/i18n/meta";
import { TrackerCard } from "~/components/tracker-card";
import { endSurveyOffer, readKeptTracker, readSurveyOffer } from "~/voter-session.server";
import { votedNamesIn } from "~/db/translations.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export { noStore as headers } from "~/voter-session.server";

/** Voting pages are plain HTML, no framework download (they work without JavaScript). */
export const handle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "participation:survey.pageTitle");

type Outcome = "done" | "skipped" | "refused" | null;

export async function loader({ request }: LoaderFunctionArgs) {
  const [offer, kept, locale] = await Promise.all([readSurveyOffer(request), readKeptTracker(request), localeOf(request)]);
  const tracker = kept && { tracker: kept.tracker, ...(await votedNamesIn(kept, locale)) };
  const shown = new URL(request.url).searchParams.get("outcome");
  const outcome: Outcome = shown === "done" || shown === "skipped" ? shown : null;
  if (!offer || outcome || (await surveyTokenUsed(offer.token))) return { outcome, tracker, ethnicities: null };
  const setup = await surveySetup(offer.cycleId);
  return { outcome, tracker, ethnicities: ethnicityChoices(setup.ethnicities, setup.ethnicityNames, locale) };
}

/**
 * Answers or skips the survey once per voting session: the session holds a one-time
 * offer (cycle and random token) from the ballot; once used it is gone from the session
 * and its hashed token is on the used list, so a replayed cookie is refused too.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const offer = await readSurveyOffer(request);
  const refused = async () => data({ refused: true, errors: {} as Record<string, string> }, { status: 409, headers: { "Set-Cookie": await endSurveyOffer(request) } });
  if (!offer) return refused();
  const skip = async () => {
    await declineSurvey(offer.token);
    return redirect("/vote/survey?outcome=skipped", { headers: { "Set-Cookie": await endSurveyOffer(request) } });
  };
  if (formData.get("intent") === "skip") return skip();
  const { ethnicities } = await surveySetup(offer.cycleId);
  const parsed = readSurveyForm(formData, ethnicities);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ refused: false, errors }, { status: 400 });
  }
  if (answeredNothing(parsed.data)) return skip();
  const stored = await recordSurveyAnswer(offer.cycleId, offer.token, parsed.data);
  if (!stored.ok) return refused();
  return redirect("/vote/survey?outcome=done", { headers: { "Set-Cookie": await endSurveyOffer(request) } });
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const { outcome, tracker, ethnicities } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer?.refused) {
    return (
      <div className="narrow">
        <h1>{t("participation:survey.none.title")}</h1>
        <Notice tone="error">{t("participation:survey.refused")}</Notice>
        <p><Link to="/">{t("participation:survey.backHome")}</Link></p>
      </div>
    );
  }
  if (outcome || !ethnicities) {
    const [title, body] =
      outcome === "done"
        ? [t("participation:survey.thanks.title"), t("participation:survey.thanks.body")]
        : outcome === "skipped"
          ? [t("participation:survey.skipped.title"), t("participation:survey.skipped.body")]
          : [t("participation:survey.none.title"), t("participation:survey.none.body")];
    return (
      <div className="narrow">
        <h1>{title}</h1>
        <p role="status">{body}</p>
        {/* The survey sits under the receipt: leaving it must not lose the ballot tracker. */}
        {tracker ? <TrackerCard tracker={tracker} /> : null}
        <p><Link to="/">{t("participation:survey.backHome")}</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("participation:survey.pageTitle")}</h1>
      <SurveyForm ethnicities={ethnicities} errors={answer?.errors} />
    </div>
  );
}
