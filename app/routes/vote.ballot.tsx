import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { ballotOptions, castBallot, findVoterCodeById } from "~/db/ballots.server";
import { voterCodeRefusal } from "~/domain/ballots/permissions";
import { ballotRulesFor, checkBallot, describeBallotRules, type BallotRules } from "~/domain/ballots/rules";
import { readBallotForm } from "~/domain/ballots/schema";
import { formatMoney } from "~/domain/money";
import { keepReceipt, readVoterSession } from "~/voter-session.server";
import { localeOf } from "~/i18n/i18n.server";

export { noStore as headers } from "~/voter-session.server";

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
  return { code, options, rules: ballotRulesFor(code.cycle, code.district) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { code, options, rules } = await requireVoter(request);
  return {
    cycle: { name: code.cycle.name, currency: code.cycle.currency },
    district: { name: code.district.name, budgetCents: code.district.budgetCents },
    rules,
    rulesText: describeBallotRules(rules, code.cycle.currency),
    options,
  };
}

type Step = { step: "choose" | "review"; selection: string[]; ranks: Record<string, string>; errors: string[] };

export async function action({ request }: ActionFunctionArgs) {
  const { code, options, rules } = await requireVoter(request);
  const formData = await readForm(request);
  const form = readBallotForm(formData, rules.method, options.map((o) => o.id));
  if (!form) throw new Response("We could not read that ballot. Please go back and try again.", { status: 400 });
  const ranks = "ranks" in form.submission ? { ...form.submission.ranks } : {};
  const chosen = "ids" in form.submission ? [...form.submission.ids] : [];
  if (form.intent === "change") return { step: "choose", selection: chosen, ranks, errors: [] } satisfies Step;
  const check = checkBallot(rules, options, form.submission, code.cycle.currency);
  // A refused ballot comes back exactly as the voter filled it in, with the reasons.
  if (!check.ok) return { step: "choose", selection: chosen.length ? chosen : check.selection, ranks, errors: check.errors } satisfies Step;
  if (form.intent === "review") return { step: "review", selection: check.selection, ranks, errors: [] } satisfies Step;
  const cast = await castBallot(code, check.selection, { ranked: rules.method === "ranked", locale: await localeOf(request) });
  if (!cast.ok) return redirect(cast.reason === "closed" ? "/vote?notice=closed" : "/vote?notice=already-voted");
  const titles = new Map(options.map((o) => [o.id, o.title]));
  const cookie = await keepReceipt(request, {
    tracker: cast.tracker,
    cycle: code.cycle.name,
    district: code.district.name,
    projects: check.selection.map((id, i) => (rules.method === "ranked" ? `${i + 1}. ` : "") + (titles.get(id) ?? id)),
    total: formatMoney(check.totalCents, code.cycle.currency),
  }, code.cycleId);
  return redirect("/vote/receipt", { headers: { "Set-Cookie": cookie } });
}

export default function Ballot() {
  const { cycle, district, rules, rulesText, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The form's own fields hold the choices (so a box ticked before the page finished
  // loading counts); the state only mirrors them for the running total.
  const formRef = useRef<HTMLFormElement>(null);
  const initial = new Set(result?.selection ?? []);
  const ranks = result?.ranks ?? {};
  const [selected, setSelected] = useState<string[]>(result?.selection ?? []);
  const sync = () => {
    if (formRef.current) setSelected(new FormData(formRef.current).getAll("project").map(String));
  };
  useEffect(sync, []);
  const money = (c: number) => formatMoney(c, cycle.currency);

  if (result?.step === "review") {
    const chosen = result.selection.map((id) => options.find((o) => o.id === id)!);
    const total = chosen.reduce((s, o) => s + o.costCents, 0);
    return (
      <div className="narrow">
        <h1>Check your ballot</h1>
        <p>{district.name} — {cycle.name}</p>
        {rules.method === "ranked" ? (
          <ol>{chosen.map((o) => <li key={o.id}>{o.title} — {money(o.costCents)}</li>)}</ol>
        ) : (
          <ul>{chosen.map((o) => <li key={o.id}>{o.title} — {money(o.costCents)}</li>)}</ul>
        )}
        {rules.method === "knapsack" ? <p><strong>Total: {money(total)}</strong> of {money(district.budgetCents)}</p> : null}
        <p>Once you confirm, your ballot is final and cannot be changed.</p>
        <Form method="post">
          <AuthenticityTokenInput />
          {rules.method === "ranked"
            ? result.selection.map((id, i) => <input key={id} type="hidden" name={`rank-${id}`} value={String(i + 1)} />)
            : result.selection.map((id) => <input key={id} type="hidden" name="project" value={id} />)}
          <p className="actions">
            <button type="submit" name="intent" value="confirm" className="button">Confirm and cast my ballot</button>
            <button type="submit" name="intent" value="change" className="button-secondary">Change my selection</button>
          </p>
        </Form>
      </div>
    );
  }

  const chosen = new Set(selected);
  const total = options.filter((o) => chosen.has(o.id)).reduce((s, o) => s + o.costCents, 0);
  return (
    <>
      <h1>Your ballot: {district.name}</h1>
      <p>{cycle.name}. {rulesText} Projects are listed in a different order for each voter.</p>
      {result?.errors.length ? (
        <Notice tone="error">
          {result.errors.map((e) => <p key={e}>{e}</p>)}
        </Notice>
      ) : null}
      <Form method="post" aria-describedby="ballot-summary" ref={formRef} onChange={sync}>
        <AuthenticityTokenInput />
        <fieldset>
          <legend>Projects for {district.name}</legend>
          {options.map((o) => (
            <div key={o.id} className="ballot-option">
              {rules.method === "ranked" ? (
                <select
                  id={`p-${o.id}`}
                  name={`rank-${o.id}`}
                  aria-label={`Rank for ${o.title}`}
                  defaultValue={ranks[o.id] ?? ""}
                >
                  <option value="">Not ranked</option>
                  {Array.from({ length: Math.min(rules.maxRanks, options.length) }, (_, i) => (
                    <option key={i} value={String(i + 1)}>{ordinal(i + 1)} choice</option>
                  ))}
                </select>
              ) : (
                <input
                  type="checkbox"
                  id={`p-${o.id}`}
                  name="project"
                  value={o.id}
                  defaultChecked={initial.has(o.id)}
                  aria-describedby={`d-${o.id}`}
                />
              )}
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
        <div className="running-total" id="ballot-summary">
          <BallotSummary rules={rules} total={total} count={selected.length} money={money} />
          <p>
            <button type="submit" name="intent" value="review" className="button">Review my ballot</button>
          </p>
        </div>
      </Form>
    </>
  );
}

function ordinal(n: number) {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** The running total (knapsack) or count (approval), updated as the voter chooses when JavaScript runs. */
function BallotSummary({ rules, total, count, money }: { rules: BallotRules; total: number; count: number; money: (c: number) => string }) {
  if (rules.method === "knapsack") {
    const over = total > rules.budgetCents;
    return (
      <>
        <p aria-live="polite">
          Selected: <strong data-testid="running-total">{money(total)}</strong> of {money(rules.budgetCents)}
          {over ? <strong className="error"> — {money(total - rules.budgetCents)} over budget</strong> : ` — ${money(rules.budgetCents - total)} left`}
        </p>
        <div className={`meter${over ? " over" : ""}`} aria-hidden="true">
          <span style={{ width: `${Math.min(100, (total / rules.budgetCents) * 100)}%` }} />
        </div>
      </>
    );
  }
  if (rules.method === "approval") {
    return (
      <p aria-live="polite">
        Selected: <strong data-testid="running-count">{count}</strong> project{count === 1 ? "" : "s"} (choose {rules.minApprovals === rules.maxApprovals ? rules.minApprovals : `${rules.minApprovals} to ${rules.maxApprovals}`})
      </p>
    );
  }
  return <p>Give your first choice rank 1, your second rank 2, and so on, up to {rules.maxRanks}.</p>;
}
