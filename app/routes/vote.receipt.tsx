import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SurveyForm } from "~/components/survey-form";
import { surveySetup, surveyTokenUsed } from "~/db/participation.server";
import { readSurveyOffer, takeReceipt } from "~/voter-session.server";

export { noStore as headers } from "~/voter-session.server";

export const meta: MetaFunction = () => [{ title: "Thank you for voting · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { receipt, cookie } = await takeReceipt(request);
  // The optional survey, offered once to this voting session (see /vote/survey).
  const offer = receipt ? await readSurveyOffer(request) : null;
  const survey = offer && !(await surveyTokenUsed(offer.token)) ? await surveySetup(offer.cycleId) : null;
  return Response.json({ receipt, survey: survey ? { ethnicities: survey.ethnicities } : null }, { headers: { "Set-Cookie": cookie } });
}

export default function ReceiptPage() {
  const { receipt, survey } = useLoaderData<typeof loader>() as { receipt: import("~/voter-session.server").Receipt | null; survey: { ethnicities: string[] } | null };
  if (!receipt) {
    return (
      <div className="narrow">
        <h1>Thank you</h1>
        <p>Your receipt was shown once, right after you voted. If you noted your ballot tracker, you can look for it when the results are published.</p>
        <p><Link to="/results">Results</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Thank you — your ballot is recorded</h1>
      <div className="receipt" role="status">
        <p>{receipt.cycle}, {receipt.district}</p>
        <p>Your ballot tracker:</p>
        <p className="tracker" data-testid="tracker">{receipt.tracker}</p>
        <p className="muted">
          Write it down or take a screenshot. When results are published you can check on the results page (“check that your ballot was counted”) that a
          ballot with this tracker was counted. It does not reveal who you are or how you voted.
        </p>
      </div>
      <h2>You chose</h2>
      <ul>{receipt.projects.map((p) => <li key={p}>{p}</li>)}</ul>
      <p>Total: {receipt.total}</p>
      {survey ? <SurveyForm ethnicities={survey.ethnicities} /> : null}
      <p><Link to="/">Back to the home page</Link></p>
    </div>
  );
}
