import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { BallotChoices } from "~/components/ballot-choices";
import { FieldErrors, Notice } from "~/components/forms";
import { TickedTotal } from "~/components/ticked-total";
import { readForm } from "~/csrf.server";
import { redirectWithDone, takeDone } from "~/flash.server";
import { loadCycleFor } from "~/guards.server";
import type { Actor } from "~/domain/auth/roles";
import { ballotOptions, checkInPaperVoter, voterCodesToCheck, enterBoxBallot, findVoterCode, newPaperEntryToken, paperBoxCounts, recordSpoiledBallot, spoiledCounts, type BoxRefusal } from "~/db/ballots.server";
import { CODE_REFUSAL_MESSAGES, voterCodeRefusal, votingChannelPermissions } from "~/domain/ballots/permissions";
import { FEWEST_IN_A_BOX, inClerkWords, paperBoxBalance, siteAsKnown, smallBox } from "~/domain/ballots/paper";
import { ballotRulesFor, checkBallot } from "~/domain/ballots/rules";
import { paperBoxInput, paperCheckIn, readBallotChoices } from "~/domain/ballots/schema";
import { readSpoiledEntry, SPOILED_REASON_KEYS, SPOILED_REASONS, spoiledByDistrict, suggestedSpoiledReason, type SpoiledEntryErrors } from "~/domain/ballots/spoiled";
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

/**
 * A refused check-in or ballot changed nothing: the page's data is not fetched again, so its forms keep
 * the fields the clerk is typing in (a new entry token would make new forms, and swap a field typed into
 * a moment after the refusal showed for an empty one).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

// Paper voting in two acts that are never joined, as at a real polling site: (1) a voter is
// checked in with the code on their letter, which uses the code, and puts their ballot in the box;
// (2) later, ballots are entered from the box with no code, so whoever types them cannot tell whose
// they are. A box never gives more ballots (counted or spoiled) than voters checked in there.

const guard = (request: Request, slug: string | undefined) =>
  loadCycleFor(request, slug, (actor, cycle) => votingChannelPermissions.enterPaperBallots(actor, cycle), message("vote:paper.refused"));

type Cycle = Awaited<ReturnType<typeof guard>>["cycle"];

/** The ballot of a district, for entering ballots from its box at a site. */
async function districtBallot(request: Request, cycle: Cycle, district: Cycle["districts"][number]) {
  return {
    rules: ballotRulesFor(cycle, district),
    options: await ballotOptions(cycle.id, district.id, undefined, await localeOf(request)),
  };
}

/**
 * Which box the clerk is emptying (`?site=…&district=…`, the form of step 2 sent with GET: it
 * changes nothing), and that district's ballot once both are right.
 */
async function chosenBox(request: Request, cycle: Cycle, params: URLSearchParams, knownSites: readonly string[]) {
  const typed = params.get("site") ?? "";
  // A site typed in another case or spacing is the box already known: shown (and kept) as it is known.
  const values = { site: typed.trim() ? siteAsKnown(typed, knownSites) : typed, districtId: params.get("district") ?? "" };
  if (!params.has("district")) return { values, errors: {}, ballot: null };
  const read = paperBoxInput.safeParse(values);
  const errors: { site?: string[]; districtId?: string[] } = read.success ? {} : read.error.flatten().fieldErrors;
  const district = cycle.districts.find((d) => d.id === values.districtId);
  if (!district) errors.districtId ??= [message("vote:spoiled.errors.district")];
  if (!read.success || !district) return { values, errors, ballot: null };
  return { values: read.data, errors, ballot: { district: district.name, ...(await districtBallot(request, cycle, district)) } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await guard(request, params.slug);
  const search = new URL(request.url).searchParams;
  const [counts, spoiled, flash] = await Promise.all([paperBoxCounts(cycle.id), spoiledCounts(cycle.id), takeDone(request)]);
  const boxes = paperBoxBalance(cycle.districts, counts.checkedIn, counts.boxes);
  const sites = [...new Set(boxes.map((b) => b.site))];
  const box = await chosenBox(request, cycle, search, sites);
  const districtName = (id: string | null) => cycle.districts.find((d) => d.id === id)?.name ?? null;
  return data({
    cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency },
    districts: cycle.districts.map((d) => ({ id: d.id, name: d.name })),
    sites,
    boxes,
    box,
    // Few enough voters checked in at this box to tell whose ballot is whose: the office is warned.
    fewInBox: box.ballot ? smallBox(boxes.find((b) => b.site === box.values.site && b.districtId === box.values.districtId)?.checkedIn ?? 0) : null,
    // One per page: each form that takes a ballot out of a box is recorded once, however often it is sent.
    entryToken: newPaperEntryToken(),
    // What was just done, once, after its redirect (a reload does not say it again): never which code or which ballot.
    done: {
      checkedIn: districtName(flash.done.checkedIn ?? null),
      entered: "entered" in flash.done,
      spoiled: "spoiled" in flash.done,
      repeated: "repeated" in flash.done,
    },
    spoiled: spoiledByDistrict(cycle.districts, spoiled),
  }, { headers: flash.headers });
}

/** Step 1 as typed, with its problems by field. */
type CheckInForm = { form: "check-in"; values: { site: string; code: string }; errors: { site?: string[]; code?: string[] } };

/** A ballot from the box the rules or the box refused: the choices kept, and when the rules refused it, the offer to record it as spoiled. */
type BoxForm = {
  form: "box";
  selection: string[];
  ranks: Record<string, string>;
  errors: { ballot?: string[]; box?: string[]; reason?: string[]; note?: string[] };
  spoil: null | { reason: string; note: string };
};

/** The form for a spoiled ballot from the box on its own (one the clerk does not type in first), as typed. */
type SpoiledForm = { form: "spoiled"; values: { site: string; districtId: string; reason: string; note: string }; errors: SpoiledEntryErrors };

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The rules' problems, written for a voter, as the clerk reads them (see inClerkWords). */
function clerkWorded<E extends Record<string, string[] | undefined>>(errors: E): E {
  return Object.fromEntries(Object.entries(errors).map(([name, list]) => [name, list?.map(inClerkWords)])) as E;
}

/**
 * Back to the page after something was recorded, keeping the site (and the box being emptied) in the
 * address: a fresh form for the next one, and what was done said once. `#box` brings a phone back to step 2.
 */
const recorded = (request: Request, cycle: Cycle, keep: Record<string, string>, done: Record<string, string>, hash = "") =>
  redirectWithDone(request, `/admin/cycles/${cycle.slug}/paper?${new URLSearchParams(keep)}${hash}`, done);

/** Why the box refused a ballot, in words (a form sent twice is not refused: see `recordedOnce`). */
function boxRefusalMessage(refusal: Exclude<BoxRefusal, { refusal: "already-entered" }>, site: string, district: string) {
  return refusal.refusal === "box-full"
    ? message("vote:paper.errors.boxFull", { site, district, count: refusal.checkedIn })
    : CODE_REFUSAL_MESSAGES["not-voting"];
}

/** The one-time token of a form that takes a ballot out of a box; a form without one was not ours. */
function entryTokenOf(formData: FormData) {
  const token = field(formData, "entry");
  if (!/^[A-Za-z0-9_-]{24}$/.test(token)) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  return token;
}

/** Step 1: the code on the voter's letter is used at the site, with the same checks as a code typed online. No choices. */
async function checkIn(request: Request, actor: Actor, cycle: Cycle, formData: FormData) {
  const values = { site: field(formData, "site"), code: field(formData, "code") };
  const refuse = (errors: CheckInForm["errors"]) => data<CheckInForm>({ form: "check-in", values, errors: clerkWorded(errors) }, { status: 400 });
  const read = paperCheckIn.safeParse(values);
  if (!read.success) return refuse(read.error.flatten().fieldErrors);
  const normalised = normaliseVoterCode(read.data.code);
  const code = normalised ? await findVoterCode(normalised) : null;
  // The voter brought the letter of another vote (codes are printed per cycle): the clerk is told
  // which, before anything about that code's own state there.
  if (code && code.cycleId !== cycle.id) return refuse({ code: [message("vote:paper.errors.otherCycle", { cycle: code.cycle.name, current: cycle.name })] });
  const refusal = voterCodeRefusal(code ? { voidedAt: code.voidedAt, used: !!code.participation, cyclePhase: code.cycle.phase } : null);
  if (refusal || !code) return refuse({ code: [CODE_REFUSAL_MESSAGES[refusal ?? "unknown"]] });
  const done = await checkInPaperVoter(actor, code, read.data.site);
  if (!done.ok) return refuse({ code: [CODE_REFUSAL_MESSAGES[done.refusal]] });
  return recorded(request, cycle, { site: read.data.site }, { checkedIn: code.districtId });
}

/** Step 2: a ballot from a site's box, with no code; or, when the rules refused it, that ballot recorded as spoiled. */
async function enterBallotFromBox(request: Request, actor: Actor, cycle: Cycle, formData: FormData, intent: "box" | "box-spoil") {
  // Hidden fields of the ballot form, set from the box chosen: anything else is a tampered form.
  const box = paperBoxInput.safeParse({ site: field(formData, "site"), districtId: field(formData, "districtId") });
  const district = box.success ? cycle.districts.find((d) => d.id === box.data.districtId) : undefined;
  if (!box.success || !district) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  const { site } = box.data;
  const entryToken = entryTokenOf(formData);
  const { rules, options } = await districtBallot(request, cycle, district);
  const submission = readBallotChoices(formData, rules.method, options.map((o) => o.id));
  if (!submission) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  const kept = { selection: "ids" in submission ? [...submission.ids] : [], ranks: "ranks" in submission ? { ...submission.ranks } : {} };
  const refuse = (errors: BoxForm["errors"], spoil: BoxForm["spoil"] = null) => data<BoxForm>({ form: "box", ...kept, errors: clerkWorded(errors), spoil }, { status: 400 });
  const check = checkBallot(rules, options, submission, cycle.currency, INTL_LOCALE[await localeOf(request)]);
  const next = { site, district: district.id };
  if (intent === "box-spoil") {
    const typed = { reason: field(formData, "reason"), note: field(formData, "note") };
    const read = readSpoiledEntry({ ...typed, site, districtId: district.id }, await voterCodesToCheck(cycle.id, typed.note));
    if (!read.ok) return refuse({ ballot: check.ok ? undefined : check.errors, reason: read.errors.reason, note: read.errors.note }, typed);
    const done = await recordSpoiledBallot(actor, { ...read.entry, cycleId: cycle.id, entryToken });
    if (!done.ok && done.refusal !== "already-entered") return refuse({ box: [boxRefusalMessage(done, site, district.name)] });
    return recorded(request, cycle, next, done.ok ? { spoiled: "1" } : { repeated: "1" }, "#box");
  }
  if (!check.ok) return refuse({ ballot: check.errors }, { reason: suggestedSpoiledReason(rules, check), note: "" });
  const done = await enterBoxBallot(actor, { cycleId: cycle.id, districtId: district.id, site, entryToken }, check.selection, { ranked: rules.method === "ranked" });
  if (!done.ok && done.refusal !== "already-entered") return refuse({ box: [boxRefusalMessage(done, site, district.name)] });
  return recorded(request, cycle, next, done.ok ? { entered: "1" } : { repeated: "1" }, "#box");
}

/** A spoiled ballot from a site's box recorded from its own form: a site, a district and a reason. No code. */
async function recordSpoiledAlone(request: Request, actor: Actor, cycle: Cycle, formData: FormData) {
  const values = { site: field(formData, "site"), districtId: field(formData, "districtId"), reason: field(formData, "reason"), note: field(formData, "note") };
  const refuse = (errors: SpoiledEntryErrors) => data<SpoiledForm>({ form: "spoiled", values, errors }, { status: 400 });
  const read = readSpoiledEntry(values, await voterCodesToCheck(cycle.id, values.note));
  const errors: SpoiledEntryErrors = read.ok ? {} : { ...read.errors };
  const district = cycle.districts.find((d) => d.id === values.districtId);
  if (!district) errors.districtId ??= [message("vote:spoiled.errors.district")];
  if (!read.ok || !district) return refuse(errors);
  const done = await recordSpoiledBallot(actor, { ...read.entry, cycleId: cycle.id, entryToken: entryTokenOf(formData) });
  if (!done.ok && done.refusal !== "already-entered") return refuse({ districtId: [boxRefusalMessage(done, read.entry.site, district.name)] });
  // Back to the box of that site and district: the clerk goes on emptying it.
  return recorded(request, cycle, { site: read.entry.site, district: read.entry.districtId }, done.ok ? { spoiled: "1" } : { repeated: "1" }, "#box");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "spoil") return recordSpoiledAlone(request, actor, cycle, formData);
  if (intent === "box" || intent === "box-spoil") return enterBallotFromBox(request, actor, cycle, formData, intent);
  return checkIn(request, actor, cycle, formData);
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
          aria-describedby={`${idPrefix}note-hint ${idPrefix}note-errors`}
          aria-invalid={errors.note ? true : undefined}
        />
        <FieldErrors id={`${idPrefix}note-errors`} errors={errors.note} />
      </div>
    </>
  );
}

/** The polling site, typed or chosen from those already used (one list for every form). */
function SiteField({ id, label, value, errors }: { id: string; label: string; value: string; errors?: string[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name="site" defaultValue={value} maxLength={100} list="known-sites" aria-describedby={`${id}-errors`} aria-invalid={errors ? true : undefined} />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A district to choose: the box's, or a spoiled ballot's. */
function DistrictField({ id, name, label, value, errors, districts }: { id: string; name: string; label: string; value: string; errors?: string[]; districts: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={`${id}-errors`} aria-invalid={errors ? true : undefined}>
        <option value="">{t("common:form.choose")}</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>{d.name}</option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A box's figures, in the order the clerk reads them: who came, what came out, what is left. */
const BOX_COLUMNS = [
  ["checkedIn", "vote:paper.boxesCheckedIn"],
  ["ballots", "vote:paper.boxesBallots"],
  ["spoiled", "vote:paper.boxesSpoiled"],
  ["waiting", "vote:paper.boxesWaiting"],
] as const;

export default function PaperBallots() {
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const { cycle, districts, sites, boxes, box, fewInBox, entryToken, done, spoiled } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const checkInForm = answer?.form === "check-in" ? answer : undefined;
  const boxForm = answer?.form === "box" ? answer : undefined;
  const spoiledForm = answer?.form === "spoiled" ? answer : undefined;
  // A new page after each check-in or ballot: the forms start empty again (but for the site and box), even with JavaScript.
  const { key: visit } = useLocation();
  const site = checkInForm?.values.site ?? spoiledForm?.values.site ?? box.values.site;
  const money = (cents: number) => f.money(cents, cycle.currency);
  const spoil = boxForm?.spoil;
  const ballotErrors = [...(boxForm?.errors.box ?? []), ...(boxForm?.errors.ballot ?? [])];
  // "Recorded" belongs to the last redirect: not beside a form sent since, whatever it says.
  const said = answer ? { checkedIn: null, entered: false, spoiled: false, repeated: false } : done;
  return (
    <div className="narrow">
      <p>
        <Link to={`/admin/cycles/${cycle.slug}`}>{t("vote:paper.back", { cycle: cycle.name })}</Link>
      </p>
      <h1>{t("vote:paper.title")}</h1>
      <p>{t("vote:paper.intro")}</p>
      <datalist id="known-sites">
        {sites.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>

      <section id="check-in" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">{t("vote:paper.checkInTitle")}</h2>
        <p>{t("vote:paper.checkInIntro")}</p>
        {said.checkedIn ? <Notice tone="success">{t("vote:paper.checkedIn", { district: said.checkedIn })}</Notice> : null}
        {/* Each form of the page is new once a check-in or ballot is recorded (the loader runs again: a new
            token); a refusal (no reload) keeps the same fields, so what the clerk types next is not swapped out. */}
        <Form key={entryToken} method="post" className="stack" aria-labelledby="check-in-heading">
          <AuthenticityTokenInput />
          <SiteField id="site" label={t("vote:paper.site")} value={site} errors={checkInForm?.errors.site} />
          <div className="field">
            <label htmlFor="code">{t("vote:paper.code")}</label>
            <p id="code-hint" className="hint">{t("vote:paper.codeHint")}</p>
            <input id="code" name="code" defaultValue={checkInForm?.values.code ?? ""} maxLength={40} autoComplete="off" aria-describedby="code-hint code-errors" aria-invalid={checkInForm?.errors.code ? true : undefined} />
            <FieldErrors id="code-errors" errors={checkInForm?.errors.code} />
          </div>
          <button type="submit" name="intent" value="check-in" className="button">{t("vote:paper.checkIn")}</button>
        </Form>
      </section>

      <section id="box" aria-labelledby="box-heading">
        <h2 id="box-heading">{t("vote:paper.boxTitle")}</h2>
        <p>{t("vote:paper.boxIntro")}</p>
        {said.entered ? <Notice tone="success">{t("vote:paper.entered")}</Notice> : null}
        {said.spoiled ? <Notice tone="success">{t("vote:spoiled.recorded")}</Notice> : null}
        {said.repeated ? <Notice tone="info">{t("vote:paper.repeated")}</Notice> : null}
        {/* Choosing the box changes nothing: a GET form, so the box stays in the address from one ballot to the next. */}
        <Form key={`box-${visit}`} method="get" className="stack" aria-labelledby="box-choose-heading" preventScrollReset>
          <h3 id="box-choose-heading">{t("vote:paper.boxChoose")}</h3>
          <SiteField id="box-site" label={t("vote:paper.boxSite")} value={box.values.site} errors={box.errors.site} />
          <DistrictField id="box-district" name="district" label={t("vote:paper.boxDistrict")} value={box.values.districtId} errors={box.errors.districtId} districts={districts} />
          <button type="submit" className={box.ballot ? "button-secondary" : "button"}>{t("vote:paper.showBallot")}</button>
        </Form>
        {box.ballot ? (
          <Form key={`ballot-${entryToken}`} method="post" className="stack" aria-labelledby="box-ballot-heading">
            <h3 id="box-ballot-heading">{t("vote:paper.boxBallot", { district: box.ballot.district, site: box.values.site })}</h3>
            {fewInBox !== null ? <Notice>{t("vote:paper.smallBox", { count: fewInBox, min: FEWEST_IN_A_BOX })}</Notice> : null}
            <AuthenticityTokenInput />
            <input type="hidden" name="entry" value={entryToken} />
            <input type="hidden" name="site" value={box.values.site} />
            <input type="hidden" name="districtId" value={box.values.districtId} />
            {ballotErrors.length ? (
              <Notice tone="error">
                {ballotErrors.map((e) => (
                  <p key={e}>{say(e)}</p>
                ))}
                {spoil ? <p><a href="#spoil-offer">{t("vote:spoiled.offerLink")}</a></p> : null}
              </Notice>
            ) : null}
            <BallotChoices
              legend={t("vote:paper.legend", { district: box.ballot.district })}
              options={box.ballot.options}
              rules={box.ballot.rules}
              initial={new Set(boxForm?.selection ?? [])}
              ranks={boxForm?.ranks ?? {}}
              money={money}
            />
            <TickedTotal rules={box.ballot.rules} options={box.ballot.options} money={money} />
            <button type="submit" name="intent" value="box" className="button">{t("vote:paper.cast")}</button>
            {spoil ? (
              // After the button that records the ballot, so Enter in a field never records it as spoiled.
              <fieldset id="spoil-offer">
                <legend>{t("vote:spoiled.offerLegend")}</legend>
                <p>{t("vote:spoiled.offer", { district: box.ballot.district })}</p>
                <SpoiledReasonFields idPrefix="offer-" reason={spoil.reason} note={spoil.note} errors={boxForm.errors} />
                <button type="submit" name="intent" value="box-spoil" className="button-secondary">{t("vote:spoiled.recordThis")}</button>
              </fieldset>
            ) : null}
          </Form>
        ) : null}
        <Form key={`spoil-${entryToken}`} method="post" className="stack" aria-labelledby="spoil-form-heading">
          <h3 id="spoil-form-heading">{t("vote:spoiled.formTitle")}</h3>
          <p>{t("vote:spoiled.intro")}</p>
          <AuthenticityTokenInput />
          <input type="hidden" name="entry" value={entryToken} />
          <SiteField id="spoil-site" label={t("vote:spoiled.site")} value={site} errors={spoiledForm?.errors.site} />
          <DistrictField
            id="spoil-district"
            name="districtId"
            label={t("vote:spoiled.district")}
            value={spoiledForm?.values.districtId ?? box.values.districtId}
            errors={spoiledForm?.errors.districtId}
            districts={districts}
          />
          <SpoiledReasonFields idPrefix="spoil-" reason={spoiledForm?.values.reason ?? ""} note={spoiledForm?.values.note ?? ""} errors={spoiledForm?.errors ?? {}} />
          <button type="submit" name="intent" value="spoil" className="button-secondary">{t("vote:spoiled.record")}</button>
        </Form>
      </section>

      <section aria-labelledby="boxes-heading">
        <h2 id="boxes-heading">{t("vote:paper.boxesTitle")}</h2>
        <p>{t("vote:paper.boxesIntro")}</p>
        {boxes.length ? (
          <table className="stack-narrow paper-boxes">
            <caption>{t("vote:paper.boxesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("vote:paper.boxesSite")}</th>
                {BOX_COLUMNS.map(([, key]) => (
                  <th key={key} scope="col" className="num">{t(key)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {boxes.map((b) => (
                <tr key={`${b.site}\u0000${b.districtId}`}>
                  <th scope="row">{t("vote:paper.boxesRow", { site: b.site, district: b.district })}</th>
                  {BOX_COLUMNS.map(([column, key]) => (
                    <td key={key} className="num" data-label={t(key)}>{f.number(b[column])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("vote:paper.boxesNone")}</p>
        )}
      </section>

      <section aria-labelledby="spoiled-heading">
        <h2 id="spoiled-heading">{t("vote:spoiled.title")}</h2>
        {spoiled.length ? (
          <div className="table-scroll">
            <table className="stack-narrow spoiled-counts">
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
                      <td key={r} className="num" data-label={t(SPOILED_REASON_KEYS[r])}>{f.number(row.byReason[r])}</td>
                    ))}
                    <td className="num" data-label={t("vote:spoiled.total")}><strong>{f.number(row.total)}</strong></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("vote:spoiled.none")}</p>
        )}
      </section>
    </div>
  );
}
