import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { BallotChoices } from "~/components/ballot-choices";
import { FieldErrors, Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { loadCycleFor } from "~/guards.server";
import type { Actor } from "~/domain/auth/roles";
import { ballotOptions, castBallot, findVoterCode, recordPaperEntry, recordSpoiledBallot, spoiledCounts, turnoutByChannel } from "~/db/ballots.server";
import { CODE_REFUSAL_MESSAGES, voterCodeRefusal, votingChannelPermissions } from "~/domain/ballots/permissions";
import { ballotRulesFor, checkBallot } from "~/domain/ballots/rules";
import { paperBallotStart, readBallotChoices } from "~/domain/ballots/schema";
import { readSpoiledEntry, SPOILED_NOTE_MAX, SPOILED_REASON_KEYS, SPOILED_REASONS, spoiledByDistrict, suggestedSpoiledReason, type SpoiledEntryErrors } from "~/domain/ballots/spoiled";
import { normaliseVoterCode } from "~/domain/ballots/voter-codes";
import { INTL_LOCALE } from "~/i18n/config";
import { useFormat, useMessage } from "~/i18n/i18n";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { noStore } from "~/voter-session.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vote:paper.metaTitle");
export const headers = noStore;

const guard = (request: Request, slug: string | undefined) =>
  loadCycleFor(request, slug, (actor, cycle) => votingChannelPermissions.enterPaperBallots(actor, cycle), message("vote:paper.refused"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await guard(request, params.slug);
  const [{ bySite }, spoiled] = await Promise.all([turnoutByChannel(cycle.id), spoiledCounts(cycle.id)]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency },
    sites: bySite,
    districts: cycle.districts.map((d) => ({ id: d.id, name: d.name })),
    spoiled: spoiledByDistrict(cycle.districts, spoiled),
  };
}

/** The paper ballot form: where and whose code, then the ballot; when the rules refuse it, the offer to record it as spoiled. */
type Entry = {
  form: "ballot";
  step: "start" | "ballot";
  site: string;
  code: string;
  errors: { site?: string[]; code?: string[]; ballot?: string[]; reason?: string[]; note?: string[] };
  ballot: null | {
    district: string;
    rules: ReturnType<typeof ballotRulesFor>;
    options: Awaited<ReturnType<typeof ballotOptions>>;
    selection: string[];
    ranks: Record<string, string>;
    /** Set when the rules refused the ballot: the reason to offer (the one chosen, after a refused choice) and the note typed. */
    spoil: null | { reason: string; note: string };
  };
};

/** The form for a spoiled paper ballot on its own (one the clerk does not type in first), as typed. */
type SpoiledForm = {
  form: "spoiled";
  values: { site: string; districtId: string; reason: string; note: string; code: string };
  errors: SpoiledEntryErrors;
};

type Cycle = Awaited<ReturnType<typeof guard>>["cycle"];

/** A code typed for a paper ballot: the same checks as a code typed online, so a code used online cannot vote again on paper, and the other way round. */
async function paperVoterCode(typed: string, cycleId: string) {
  const normalised = normaliseVoterCode(typed);
  const code = normalised ? await findVoterCode(normalised) : null;
  const refusal = voterCodeRefusal(code ? { voidedAt: code.voidedAt, used: !!code.participation, cyclePhase: code.cycle.phase } : null);
  if (refusal || !code || code.cycleId !== cycleId) return { ok: false as const, error: CODE_REFUSAL_MESSAGES[refusal ?? "unknown"] };
  return { ok: true as const, code };
}

const spoiledRecorded = (cycle: Cycle, site: string) => redirect(`/admin/cycles/${cycle.slug}/paper?${new URLSearchParams({ spoiled: "1", site })}`);

/** A spoiled paper ballot recorded from its own form: a district, a reason, and the voter's code if it came with one. */
async function recordSpoiledAlone(actor: Actor, cycle: Cycle, formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? "");
  const values = { site: field("site"), districtId: field("districtId"), reason: field("reason"), note: field("note"), code: field("code") };
  const read = readSpoiledEntry(values);
  const errors: SpoiledEntryErrors = read.ok ? {} : { ...read.errors };
  const district = cycle.districts.find((d) => d.id === values.districtId);
  if (!district) errors.districtId ??= [message("vote:spoiled.errors.district")];
  const typedCode = read.ok ? read.entry.code : values.code.trim();
  let code: NonNullable<Awaited<ReturnType<typeof findVoterCode>>> | undefined;
  if (typedCode && !errors.code) {
    const found = await paperVoterCode(typedCode, cycle.id);
    if (!found.ok) errors.code = [found.error];
    else if (district && found.code.districtId !== district.id) errors.code = [message("vote:spoiled.errors.codeDistrict", { district: found.code.district.name })];
    else code = found.code;
  }
  if (!read.ok || !district || Object.keys(errors).length) return data<SpoiledForm>({ form: "spoiled", values, errors }, { status: 400 });
  const done = await recordSpoiledBallot(actor, { ...read.entry, cycleId: cycle.id, districtId: district.id }, code);
  if (!done.ok) return data<SpoiledForm>({ form: "spoiled", values, errors: { code: [CODE_REFUSAL_MESSAGES[done.refusal]] } }, { status: 400 });
  return spoiledRecorded(cycle, read.entry.site);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "spoil") return recordSpoiledAlone(actor, cycle, formData);
  const start = paperBallotStart.safeParse(Object.fromEntries(formData));
  const site = String(formData.get("site") ?? "");
  const typedCode = String(formData.get("code") ?? "");
  const refuse = (errors: Entry["errors"], ballot: Entry["ballot"] = null) =>
    data<Entry>({ form: "ballot", step: ballot ? "ballot" : "start", site, code: typedCode, errors, ballot }, { status: 400 });
  if (!start.success) {
    const fields = start.error.flatten().fieldErrors;
    return refuse({ site: fields.site, code: fields.code });
  }
  const found = await paperVoterCode(start.data.code, cycle.id);
  if (!found.ok) return refuse({ code: [found.error] });
  const { code } = found;

  const rules = ballotRulesFor(code.cycle, code.district);
  const options = await ballotOptions(code.cycleId, code.districtId, undefined, await localeOf(request));
  const ballot = (selection: string[], ranks: Record<string, string>, spoil: { reason: string; note: string } | null = null) => ({
    district: code.district.name,
    rules,
    options,
    selection,
    ranks,
    spoil,
  });
  if (intent !== "confirm" && intent !== "spoil-refused") {
    return data<Entry>({ form: "ballot", step: "ballot", site: start.data.site, code: typedCode, errors: {}, ballot: ballot([], {}) });
  }

  const submission = readBallotChoices(formData, rules.method, options.map((o) => o.id));
  if (!submission) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  const ranks = "ranks" in submission ? { ...submission.ranks } : {};
  const chosen = "ids" in submission ? [...submission.ids] : [];
  const check = checkBallot(rules, options, submission, cycle.currency, INTL_LOCALE[await localeOf(request)]);
  if (intent === "spoil-refused") {
    // The ballot the rules refused, recorded as spoiled: its district is the code's, and the code is used.
    const typed = { reason: String(formData.get("reason") ?? ""), note: String(formData.get("note") ?? "") };
    const read = readSpoiledEntry({ ...typed, site: start.data.site, code: start.data.code, districtId: code.districtId });
    if (!read.ok) return refuse({ ballot: check.ok ? undefined : check.errors, reason: read.errors.reason, note: read.errors.note }, ballot(chosen, ranks, typed));
    const done = await recordSpoiledBallot(actor, { ...read.entry, cycleId: cycle.id, districtId: code.districtId }, code);
    if (!done.ok) return refuse({ code: [CODE_REFUSAL_MESSAGES[done.refusal]] });
    return spoiledRecorded(cycle, start.data.site);
  }
  if (!check.ok) return refuse({ ballot: check.errors }, ballot(chosen, ranks, { reason: suggestedSpoiledReason(rules, check), note: "" }));
  const cast = await castBallot(code, check.selection, { ranked: rules.method === "ranked", channel: "paper", site: start.data.site });
  if (!cast.ok) return refuse({ code: [CODE_REFUSAL_MESSAGES[cast.reason === "closed" ? "not-voting" : "used"]] });
  await recordPaperEntry(actor, cycle.id, start.data.site);
  const next = new URLSearchParams({ recorded: cast.tracker, site: start.data.site });
  return redirect(`/admin/cycles/${cycle.slug}/paper?${next}`);
}

/** Why a spoiled ballot cannot be counted, and the clerk's note: in the refusal of a typed-in ballot and in the spoiled ballot form. */
function SpoiledReasonFields({ idPrefix, reason, note, errors }: { idPrefix: string; reason: string; note: string; errors: { reason?: string[]; note?: string[] } }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}reason`}>{t("vote:spoiled.reason")}</label>
        <select id={`${idPrefix}reason`} name="reason" defaultValue={reason} aria-describedby={`${idPrefix}reason-errors`} aria-invalid={errors.reason ? true : undefined}>
          <option value="">{t("common:form.choose")}</option>
          {SPOILED_REASONS.map((r) => (
            <option key={r} value={r}>{t(SPOILED_REASON_KEYS[r])}</option>
          ))}
        </select>
        <FieldErrors id={`${idPrefix}reason-errors`} errors={errors.reason} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}note`}>{t("vote:spoiled.note")}</label>
        <p id={`${idPrefix}note-hint`} className="hint">{t("vote:spoiled.noteHint")}</p>
        <input
          id={`${idPrefix}note`}
          name="note"
          defaultValue={note}
          maxLength={SPOILED_NOTE_MAX}
          aria-describedby={`${idPrefix}note-hint ${idPrefix}note-errors`}
          aria-invalid={errors.note ? true : undefined}
        />
        <FieldErrors id={`${idPrefix}note-errors`} errors={errors.note} />
      </div>
    </>
  );
}

export default function PaperBallots() {
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const { cycle, sites, districts, spoiled } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const entry = answer?.form === "ballot" ? answer : undefined;
  const spoiledForm = answer?.form === "spoiled" ? answer : undefined;
  const [params] = useSearchParams();
  // A new page after each recorded ballot: the forms start empty again (but for the site), even with JavaScript.
  const { key: visit } = useLocation();
  const recorded = params.get("recorded");
  const site = entry?.site ?? spoiledForm?.values.site ?? params.get("site") ?? "";
  const money = (cents: number) => f.money(cents, cycle.currency);
  const spoil = entry?.ballot?.spoil;
  return (
    <div className="narrow">
      <p>
        <Link to={`/admin/cycles/${cycle.slug}`}>{t("vote:paper.back", { cycle: cycle.name })}</Link>
      </p>
      <h1>{t("vote:paper.title")}</h1>
      <p>{t("vote:paper.intro")}</p>
      {recorded ? <Notice tone="success">{t("vote:paper.recorded", { tracker: recorded })}</Notice> : null}
      {params.get("spoiled") ? <Notice tone="success">{t("vote:spoiled.recorded")}</Notice> : null}
      <Form key={visit} method="post" className="stack">
        <AuthenticityTokenInput />
        <div className="field">
          <label htmlFor="site">{t("vote:paper.site")}</label>
          <input id="site" name="site" defaultValue={site} maxLength={100} list="known-sites" aria-describedby="site-errors" aria-invalid={entry?.errors.site ? true : undefined} />
          <datalist id="known-sites">
            {sites.map((s) => (
              <option key={s.site} value={s.site} />
            ))}
          </datalist>
          <FieldErrors id="site-errors" errors={entry?.errors.site} />
        </div>
        <div className="field">
          <label htmlFor="code">{t("vote:paper.code")}</label>
          <p id="code-hint" className="hint">{t("vote:paper.codeHint")}</p>
          <input id="code" name="code" defaultValue={entry?.code ?? ""} autoComplete="off" aria-describedby="code-hint code-errors" aria-invalid={entry?.errors.code ? true : undefined} />
          <FieldErrors id="code-errors" errors={entry?.errors.code} />
        </div>
        {entry?.ballot ? (
          <>
            {entry.errors.ballot?.length ? (
              <Notice tone="error">
                {entry.errors.ballot.map((e) => (
                  <p key={e}>{say(e)}</p>
                ))}
                {spoil ? <p><a href="#spoil-offer">{t("vote:spoiled.offerLink")}</a></p> : null}
              </Notice>
            ) : null}
            <BallotChoices
              legend={t("vote:paper.legend", { district: entry.ballot.district })}
              options={entry.ballot.options}
              rules={entry.ballot.rules}
              initial={new Set(entry.ballot.selection)}
              ranks={entry.ballot.ranks}
              money={money}
            />
            <button type="submit" name="intent" value="confirm" className="button">{t("vote:paper.cast")}</button>
            {spoil ? (
              // After the button that records the ballot, so Enter in a field never records it as spoiled.
              <fieldset id="spoil-offer">
                <legend>{t("vote:spoiled.offerLegend")}</legend>
                <p>{t("vote:spoiled.offer", { district: entry.ballot.district })}</p>
                <SpoiledReasonFields idPrefix="offer-" reason={spoil.reason} note={spoil.note} errors={entry.errors} />
                <button type="submit" name="intent" value="spoil-refused" className="button-secondary">{t("vote:spoiled.recordThis")}</button>
              </fieldset>
            ) : null}
          </>
        ) : (
          <button type="submit" name="intent" value="start" className="button">{t("vote:paper.start")}</button>
        )}
      </Form>
      {sites.length ? (
        <section aria-labelledby="sites-heading">
          <h2 id="sites-heading">{t("vote:paper.sitesTitle")}</h2>
          <ul>
            {sites.map((s) => (
              <li key={s.site}>{t("vote:paper.siteCount", { site: s.site, count: s.count })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="spoiled-heading">
        <h2 id="spoiled-heading">{t("vote:spoiled.title")}</h2>
        <p>{t("vote:spoiled.intro")}</p>
        {spoiled.length ? (
          <div className="table-scroll">
            <table>
              <caption>{t("vote:spoiled.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("vote:spoiled.district")}</th>
                  {SPOILED_REASONS.map((r) => (
                    <th key={r} scope="col" className="num">{t(SPOILED_REASON_KEYS[r])}</th>
                  ))}
                  <th scope="col" className="num">{t("vote:spoiled.total")}</th>
                </tr>
              </thead>
              <tbody>
                {spoiled.map((row) => (
                  <tr key={row.district}>
                    <th scope="row">{row.district}</th>
                    {SPOILED_REASONS.map((r) => (
                      <td key={r} className="num">{f.number(row.byReason[r])}</td>
                    ))}
                    <td className="num"><strong>{f.number(row.total)}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("vote:spoiled.none")}</p>
        )}
        <Form key={visit} method="post" className="stack" aria-labelledby="spoil-form-heading">
          <h3 id="spoil-form-heading">{t("vote:spoiled.formTitle")}</h3>
          <AuthenticityTokenInput />
          <div className="field">
            <label htmlFor="spoil-site">{t("vote:spoiled.site")}</label>
            <input id="spoil-site" name="site" defaultValue={site} maxLength={100} list="known-sites" aria-describedby="spoil-site-errors" aria-invalid={spoiledForm?.errors.site ? true : undefined} />
            <FieldErrors id="spoil-site-errors" errors={spoiledForm?.errors.site} />
          </div>
          <div className="field">
            <label htmlFor="spoil-district">{t("vote:spoiled.district")}</label>
            <select id="spoil-district" name="districtId" defaultValue={spoiledForm?.values.districtId ?? ""} aria-describedby="spoil-district-errors" aria-invalid={spoiledForm?.errors.districtId ? true : undefined}>
              <option value="">{t("common:form.choose")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
            <FieldErrors id="spoil-district-errors" errors={spoiledForm?.errors.districtId} />
          </div>
          <SpoiledReasonFields idPrefix="spoil-" reason={spoiledForm?.values.reason ?? ""} note={spoiledForm?.values.note ?? ""} errors={spoiledForm?.errors ?? {}} />
          <div className="field">
            <label htmlFor="spoil-code">{t("vote:spoiled.code")}</label>
            <p id="spoil-code-hint" className="hint">{t("vote:spoiled.codeHint")}</p>
            <input id="spoil-code" name="code" defaultValue={spoiledForm?.values.code ?? ""} maxLength={40} autoComplete="off" aria-describedby="spoil-code-hint spoil-code-errors" aria-invalid={spoiledForm?.errors.code ? true : undefined} />
            <FieldErrors id="spoil-code-errors" errors={spoiledForm?.errors.code} />
          </div>
          <button type="submit" name="intent" value="spoil" className="button-secondary">{t("vote:spoiled.record")}</button>
        </Form>
      </section>
    </div>
  );
}
