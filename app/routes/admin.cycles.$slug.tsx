import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { PhaseTimeline } from "~/components/cycle";
import { FormErrors, Notice, SelectField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { countBallots, voidVoterCode } from "~/db/ballots.server";
import { advancePhase, cyclePhase, cycleSnapshot, generateVoterCodes, getCycle, listCodeBatches, updateBallotRules } from "~/db/cycles.server";
import { createProjectsFromWinners } from "~/db/projects.server";
import { latestResults, publishResults, runTally } from "~/db/results.server";
import { generateCodesInput, voidCodeInput } from "~/domain/cycles/codes-schema";
import { normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { BALLOT_METHOD_LABELS, ballotRulesInput, stringValues, TALLY_RULE_LABELS } from "~/domain/cycles/rules-schema";
import { BallotRulesFields } from "~/components/ballot-rules-fields";
import type { SubmissionResult } from "@conform-to/react";
import { ballotRulesLockedReason, cyclePermissions } from "~/domain/cycles/permissions";
import { blockersToAdvance, nextPhase, PHASE_LABELS } from "~/domain/cycles/phases";
import { projectPermissions } from "~/domain/implementation/permissions";
import { formatMoney } from "~/domain/money";
import { count } from "~/components/text";
import { resultPermissions } from "~/domain/results/permissions";

export const meta: MetaFunction = () => [{ title: "Manage cycle · Civic Budget" }];

async function guard(request: Request, slug: string | undefined) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), "Only the PB office can manage cycles.");
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response("We could not find that cycle.", { status: 404 });
  return { actor: actor!, cycle };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const phase = cyclePhase(cycle);
  const [snapshot, batches, results, ballots] = await Promise.all([
    cycleSnapshot(cycle.id),
    listCodeBatches(cycle.id),
    latestResults(cycle.id, { publishedOnly: false }),
    countBallots(cycle.id),
  ]);
  const next = nextPhase(phase);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, phase, currency: cycle.currency, ballotMethod: cycle.ballotMethod, tallyRule: cycle.tallyRule },
    rules: stringValues({
      ballotMethod: cycle.ballotMethod,
      minSpendPercent: cycle.minSpendPercent,
      minApprovals: cycle.minApprovals,
      maxApprovals: cycle.maxApprovals,
      maxRanks: cycle.maxRanks,
      tallyRule: cycle.tallyRule,
    }),
    rulesLocked: ballotRulesLockedReason({ phase, ballotsCast: ballots }),
    districts: cycle.districts.map((d) => ({ value: d.id, label: `${d.name} (${formatMoney(d.budgetCents, cycle.currency)})` })),
    next: next ? { phase: next, label: PHASE_LABELS[next] } : null,
    blockers: blockersToAdvance(snapshot),
    batches: batches.map((b) => ({ id: b.id, label: b.label, district: b.district.name, count: b._count.codes, createdAt: b.createdAt.toISOString().slice(0, 10) })),
    ballots,
    canTally: resultPermissions.tally(actor, { phase }),
    canCreateProjects: projectPermissions.create(actor, { phase }),
    results: results.map((r) => ({
      id: r.id,
      district: r.district.name,
      status: r.status,
      run: r.run,
      ballotCount: r.ballotCount,
      spent: formatMoney(r.spentCents, cycle.currency),
      budget: formatMoney(r.budgetCents, cycle.currency),
      winners: r.projects.filter((p) => p.selected).map((p) => `${p.title} (${count(p.votes, "vote")})`),
    })),
  };
}

const intentSchema = z.object({ intent: z.enum(["advance", "update-rules", "generate-codes", "void-code", "run-tally", "publish", "create-projects"]) });
type ActionData = {
  blockers: string[];
  codes: SubmissionResult<string[]> | null;
  rules?: SubmissionResult<string[]>;
  voiding?: SubmissionResult<string[]>;
  tallyError?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw new Response("Unknown action.", { status: 400 });
  const phase = cyclePhase(cycle);
  const back = (notice: string) => redirect(`/admin/cycles/${cycle.slug}?notice=${notice}`);
  switch (parsed.data.intent) {
    case "advance": {
      const result = await advancePhase(cycle.id, actor);
      return result.ok ? back("advanced") : refused({ blockers: result.blockers, codes: null }, 409);
    }
    case "update-rules": {
      const submission = parseWithZod(formData, { schema: ballotRulesInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, rules: submission.reply() });
      const result = await updateBallotRules(cycle.id, submission.value, actor);
      if (!result.ok) return refused({ blockers: [], codes: null, rules: submission.reply({ formErrors: [result.reason] }) });
      return back("rules");
    }
    case "generate-codes": {
      const submission = parseWithZod(formData, { schema: generateCodesInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: submission.reply() });
      if (!cycle.districts.some((d) => d.id === submission.value.districtId)) {
        return refused({ blockers: [], codes: submission.reply({ fieldErrors: { districtId: ["Choose one of this cycle's districts."] } }) });
      }
      await generateVoterCodes(cycle.id, submission.value.districtId, submission.value.count, submission.value.label, actor);
      return back("codes");
    }
    case "void-code": {
      const submission = parseWithZod(formData, { schema: voidCodeInput });
      if (submission.status !== "success") return refused({ blockers: [], codes: null, voiding: submission.reply() });
      const code = normaliseVoterCode(submission.value.code);
      const result = code ? await voidVoterCode(cycle.id, code, submission.value.reason, actor) : { ok: false as const, error: "That is not a voter code." };
      if (!result.ok) return refused({ blockers: [], codes: null, voiding: submission.reply({ fieldErrors: { code: [result.error] } }) });
      return back("voided");
    }
    case "run-tally":
      authorize(request, actor, resultPermissions.tally(actor, { phase }), "Close voting before counting.");
      await runTally(cycle.id, actor);
      return back("tallied");
    case "publish":
      authorize(request, actor, resultPermissions.tally(actor, { phase }), "Results are published in the results phase.");
      {
        const reviewed = z.array(z.string().max(40)).max(500).safeParse(formData.getAll("run"));
        const published = await publishResults(cycle.id, actor, reviewed.success ? reviewed.data : []);
        if (!published.ok) return refused({ blockers: [], codes: null, tallyError: published.reason }, 409);
        return back("published");
      }
    case "create-projects":
      authorize(request, actor, projectPermissions.create(actor, { phase }), "Projects are created after results are published.");
      await createProjectsFromWinners(cycle.id, actor);
      return back("projects");
  }
}

/** A refused step: the page again, with what went wrong (400 for a bad form, 409 for a guard). */
const refused = (answer: ActionData, status = 400) => data(answer, { status });

const NOTICES: Record<string, string> = {
  created: "Cycle created as a draft.",
  advanced: "Phase changed.",
  codes: "Voter codes generated. Download the CSV for mailing.",
  tallied: "Tally computed. Review it below, then publish.",
  published: "Results published.",
  projects: "Winning proposals are now projects.",
  voided: "Voter code voided. It can no longer be used to vote.",
  rules: "Ballot and counting rules saved. They are shown to voters and lock when the first ballot is cast.",
};

export default function ManageCycle() {
  const { cycle, rules, rulesLocked, districts, next, blockers, batches, ballots, canTally, canCreateProjects, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [rulesForm, rulesFields] = useForm<z.input<typeof ballotRulesInput>>({ lastResult: actionData?.rules, id: "rules", defaultValue: rules });
  const [voidForm, voidFields] = useForm<z.input<typeof voidCodeInput>>({ lastResult: actionData?.voiding, id: "void-code" });
  const [codesForm, codesFields] = useForm<z.input<typeof generateCodesInput>>({ lastResult: actionData?.codes, id: "codes", defaultValue: { count: "100", label: "" } });
  const notice = NOTICES[searchParams.get("notice") ?? (searchParams.get("created") ? "created" : "")];
  const shownBlockers = actionData?.blockers?.length ? actionData.blockers : blockers;
  return (
    <>
      <p><Link to="/admin">← PB office</Link></p>
      <h1>{cycle.name}</h1>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <p>Phase: <strong>{PHASE_LABELS[cycle.phase]}</strong> · ballot: {cycle.ballotMethod} · rule: {cycle.tallyRule} · {count(ballots, "ballot")} cast</p>
      <PhaseTimeline phase={cycle.phase} />
      {next ? (
        <section className="card" aria-labelledby="advance">
          <h2 id="advance">Next phase: {next.label}</h2>
          {shownBlockers.length ? (
            <div className={actionData?.blockers?.length ? "alert alert-error" : "alert"} role={actionData?.blockers?.length ? "alert" : undefined}>
              <p>Not yet possible:</p>
              <ul>{shownBlockers.map((b) => <li key={b}>{b}</li>)}</ul>
            </div>
          ) : null}
          <Form method="post">
            <AuthenticityTokenInput />
            <button type="submit" name="intent" value="advance" className="button">
              {cycle.phase === "voting" ? "Close voting" : `Move to: ${next.label}`}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Ballot and counting rules</h2>
        {rulesLocked ? (
          <>
            <p className="alert">{rulesLocked}</p>
            <p>
              Ballot: {BALLOT_METHOD_LABELS[rules.ballotMethod as keyof typeof BALLOT_METHOD_LABELS] ?? rules.ballotMethod}. Counting rule:{" "}
              {TALLY_RULE_LABELS[rules.tallyRule as keyof typeof TALLY_RULE_LABELS] ?? rules.tallyRule}.
            </p>
          </>
        ) : (
          <Form method="post" {...getFormProps(rulesForm)}>
            <AuthenticityTokenInput />
            <FormErrors id={rulesForm.errorId} errors={rulesForm.errors} />
            <BallotRulesFields fields={rulesFields} />
            <button type="submit" name="intent" value="update-rules" className="button-secondary">Save rules</button>
          </Form>
        )}
      </section>
      <section className="card" aria-labelledby="codes-heading">
        <h2 id="codes-heading">Voter codes</h2>
        <Form method="post" {...getFormProps(codesForm)}>
          <AuthenticityTokenInput />
          <FormErrors id={codesForm.errorId} errors={codesForm.errors} />
          <SelectField meta={codesFields.districtId} label="District" options={districts} />
          <TextField meta={codesFields.count} label="How many codes" type="number" />
          <TextField meta={codesFields.label} label="Label (optional)" hint="E.g. “Mailing, March”." />
          <button type="submit" name="intent" value="generate-codes" className="button-secondary">Generate codes</button>
        </Form>
        {batches.length ? (
          <table>
            <thead><tr><th scope="col">Batch</th><th scope="col">District</th><th scope="col" className="num">Codes</th><th scope="col">Created</th><th scope="col">CSV</th></tr></thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>{b.label}</td><td>{b.district}</td><td className="num">{b.count}</td><td>{b.createdAt}</td>
                  <td><a href={`/admin/codes/${b.id}.csv`} download>Download CSV</a> · <Link to={`/admin/codes/${b.id}/print`}>Print slips</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p>No codes yet.</p>}
        <h3>Void a code</h3>
        <Form method="post" {...getFormProps(voidForm)}>
          <AuthenticityTokenInput />
          <TextField meta={voidFields.code} label="Voter code" />
          <TextField meta={voidFields.reason} label="Reason" hint="Kept in the audit log." />
          <button type="submit" name="intent" value="void-code" className="button-secondary">Void this code</button>
        </Form>
      </section>
      {canTally || results.length ? (
        <section className="card" aria-labelledby="tally">
          <h2 id="tally">Count and publish</h2>
          {actionData?.tallyError ? <Notice tone="error">{actionData.tallyError}</Notice> : null}
          {canTally ? (
            <Form method="post" className="actions">
              <AuthenticityTokenInput />
              <button type="submit" name="intent" value="run-tally" className="button-secondary">Run the tally</button>
              {results.filter((r) => r.status === "draft").map((r) => <input key={r.id} type="hidden" name="run" value={r.id} />)}
              {results.some((r) => r.status === "draft") ? <button type="submit" name="intent" value="publish" className="button">Publish results</button> : null}
            </Form>
          ) : null}
          {results.map((r) => (
            <div key={r.id}>
              <h3>{r.district} — run {r.run} <span className={`status status-${r.status}`}>{r.status}</span></h3>
              <p>{count(r.ballotCount, "ballot")}; funded {r.spent} of {r.budget}.</p>
              <ul>{r.winners.map((w) => <li key={w}>{w}</li>)}</ul>
            </div>
          ))}
          {canCreateProjects && results.some((r) => r.status === "published") ? (
            <Form method="post">
              <AuthenticityTokenInput />
              <button type="submit" name="intent" value="create-projects" className="button">Create projects from the winners</button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
