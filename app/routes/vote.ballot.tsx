import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { ballotOptions, castBallot, findVoterCodeById } from "~/db/ballots.server";
import { checkKnapsackBallot } from "~/domain/ballots/knapsack";
import { voterCodeRefusal } from "~/domain/ballots/permissions";
import { ballotFormInput } from "~/domain/ballots/schema";
import { formatMoney } from "~/domain/money";
import { keepReceipt, readVoterSession } from "~/voter-session.server";

export const meta: MetaFunction = () => [{ title: "Your ballot · Civic Budget" }];

/** The voter's code from the session, still able to vote; otherwise back to the start. */
async function requireVoter(request: Request) {
  const { voterCodeId } = await readVoterSession(request);
  const code = voterCodeId ? await findVoterCodeById(voterCodeId) : null;
  if (!code) throw redirect("/vote?notice=start");
  const refusal = voterCodeRefusal({ voidedAt: code.voidedAt, used: !!code.participation, cyclePhase: code.cycle.phase });
  // Leave the session alone: another tab of this voter may have just stored its receipt there.
  if (refusal === "used") throw redirect("/vote?notice=already-voted");
  if (refusal) throw redirect("/vote?notice=start");
  const options = await ballotOptions(code.cycleId, code.districtId, code.id);
  return { code, options };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { code, options } = await requireVoter(request);
  return {
    cycle: { name: code.cycle.name, currency: code.cycle.currency },
    district: { name: code.district.name, budgetCents: code.district.budgetCents },
    options,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { code, options } = await requireVoter(request);
  const formData = await readForm(request);
  const parsed = ballotFormInput.safeParse({ intent: formData.get("intent"), project: formData.getAll("project") });
  if (!parsed.success) throw new Response("We could not read that ballot. Please go back and try again.", { status: 400 });
  const { intent, project } = parsed.data;
  if (intent === "change") return { step: "choose" as const, selected: project, errors: [] as string[] };
  const check = checkKnapsackBallot({ budgetCents: code.district.budgetCents, options, selected: project }, code.cycle.currency);
  // A refused selection comes back exactly as chosen, with the reasons.
  if (!check.ok) return { step: "choose" as const, selected: project, errors: check.errors };
  if (intent === "review") return { step: "review" as const, selected: check.selected, errors: [] as string[] };
  const cast = await castBallot(code, check.selected);
  if (!cast.ok) return redirect("/vote?notice=already-voted");
  const titles = new Map(options.map((o) => [o.id, o.title]));
  const cookie = await keepReceipt(request, {
    tracker: cast.tracker,
    cycle: code.cycle.name,
    district: code.district.name,
    projects: check.selected.map((id) => titles.get(id) ?? id),
    total: formatMoney(check.totalCents, code.cycle.currency),
  });
  return redirect("/vote/receipt", { headers: { "Set-Cookie": cookie } });
}

export default function Ballot() {
  const { cycle, district, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [selected, setSelected] = useState<string[]>(result?.selected ?? []);
  const chosen = new Set(result?.step === "review" ? result.selected : selected);
  const total = options.filter((o) => chosen.has(o.id)).reduce((s, o) => s + o.costCents, 0);
  const money = (c: number) => formatMoney(c, cycle.currency);
  const over = total > district.budgetCents;

  if (result?.step === "review") {
    return (
      <div className="narrow">
        <h1>Check your ballot</h1>
        <p>{district.name} — {cycle.name}</p>
        <ul>
          {options.filter((o) => chosen.has(o.id)).map((o) => <li key={o.id}>{o.title} — {money(o.costCents)}</li>)}
        </ul>
        <p><strong>Total: {money(total)}</strong> of {money(district.budgetCents)}</p>
        <p>Once you confirm, your ballot is final and cannot be changed.</p>
        <Form method="post">
          <AuthenticityTokenInput />
          {result.selected.map((id) => <input key={id} type="hidden" name="project" value={id} />)}
          <p className="actions">
            <button type="submit" name="intent" value="confirm" className="button">Confirm and cast my ballot</button>
            <button type="submit" name="intent" value="change" className="button-secondary">Change my selection</button>
          </p>
        </Form>
      </div>
    );
  }

  return (
    <>
      <h1>Your ballot: {district.name}</h1>
      <p>
        {cycle.name}. Choose the projects you want funded. Your choices can cost up to <strong>{money(district.budgetCents)}</strong> in total, the budget
        of {district.name}. Projects are listed in a different order for each voter.
      </p>
      {result?.errors.length ? (
        <Notice tone="error">
          {result.errors.map((e) => <p key={e}>{e}</p>)}
        </Notice>
      ) : null}
      <Form method="post" aria-describedby="running-total">
        <AuthenticityTokenInput />
        <fieldset>
          <legend>Projects for {district.name}</legend>
          {options.map((o) => (
            <div key={o.id} className="ballot-option">
              <input
                type="checkbox"
                id={`p-${o.id}`}
                name="project"
                value={o.id}
                checked={chosen.has(o.id)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, o.id] : s.filter((x) => x !== o.id)))}
                aria-describedby={`d-${o.id}`}
              />
              <div>
                <label htmlFor={`p-${o.id}`}>
                  {o.title} — <span className="cost">{money(o.costCents)}</span>
                </label>
                <p id={`d-${o.id}`} className="muted">{o.category}. {o.description}</p>
                <p><Link to={`/proposals/${o.id}`} target="_blank" rel="noreferrer">Cost details (opens in a new tab)</Link></p>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="running-total" id="running-total">
          <p aria-live="polite">
            Selected: <strong data-testid="running-total">{money(total)}</strong> of {money(district.budgetCents)}
            {over ? <strong className="error"> — {money(total - district.budgetCents)} over budget</strong> : ` — ${money(district.budgetCents - total)} left`}
          </p>
          <div className={`meter${over ? " over" : ""}`} aria-hidden="true">
            <span style={{ width: `${Math.min(100, (total / district.budgetCents) * 100)}%` }} />
          </div>
          <p>
            <button type="submit" name="intent" value="review" className="button">Review my ballot</button>
          </p>
        </div>
      </Form>
    </>
  );
}
