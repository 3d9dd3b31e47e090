import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { BallotChoices } from "~/components/ballot-choices";
import { FieldErrors, Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { loadCycleFor } from "~/guards.server";
import { ballotOptions, castBallot, findVoterCode, recordPaperEntry, turnoutByChannel } from "~/db/ballots.server";
import { CODE_REFUSAL_MESSAGES, voterCodeRefusal, votingChannelPermissions } from "~/domain/ballots/permissions";
import { ballotRulesFor, checkBallot } from "~/domain/ballots/rules";
import { paperBallotStart, readBallotForm } from "~/domain/ballots/schema";
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
  const { bySite } = await turnoutByChannel(cycle.id);
  return { cycle: { slug: cycle.slug, name: cycle.name, currency: cycle.currency }, sites: bySite };
}

type Entry = {
  step: "start" | "ballot";
  site: string;
  code: string;
  errors: { site?: string[]; code?: string[]; ballot?: string[] };
  ballot: null | {
    district: string;
    rules: ReturnType<typeof ballotRulesFor>;
    options: Awaited<ReturnType<typeof ballotOptions>>;
    selection: string[];
    ranks: Record<string, string>;
  };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const start = paperBallotStart.safeParse(Object.fromEntries(formData));
  const site = String(formData.get("site") ?? "");
  const typedCode = String(formData.get("code") ?? "");
  const refuse = (errors: Entry["errors"], ballot: Entry["ballot"] = null) =>
    data<Entry>({ step: ballot ? "ballot" : "start", site, code: typedCode, errors, ballot }, { status: 400 });
  if (!start.success) {
    const fields = start.error.flatten().fieldErrors;
    return refuse({ site: fields.site, code: fields.code });
  }
  // The same checks as a code typed online: a code used online cannot vote again on paper, and the other way round.
  const normalised = normaliseVoterCode(start.data.code);
  const code = normalised ? await findVoterCode(normalised) : null;
  const refusal = voterCodeRefusal(code ? { voidedAt: code.voidedAt, used: !!code.participation, cyclePhase: code.cycle.phase } : null);
  if (refusal || !code || code.cycleId !== cycle.id) return refuse({ code: [CODE_REFUSAL_MESSAGES[refusal ?? "unknown"]] });

  const rules = ballotRulesFor(code.cycle, code.district);
  const options = await ballotOptions(code.cycleId, code.districtId, undefined, await localeOf(request));
  const ballot = (selection: string[], ranks: Record<string, string>) => ({ district: code.district.name, rules, options, selection, ranks });
  if (formData.get("intent") !== "confirm") return data<Entry>({ step: "ballot", site: start.data.site, code: typedCode, errors: {}, ballot: ballot([], {}) });

  const form = readBallotForm(formData, rules.method, options.map((o) => o.id));
  if (!form) throw new Response(message("vote:errors.unreadableBallot"), { status: 400 });
  const ranks = "ranks" in form.submission ? { ...form.submission.ranks } : {};
  const chosen = "ids" in form.submission ? [...form.submission.ids] : [];
  const check = checkBallot(rules, options, form.submission, cycle.currency, INTL_LOCALE[await localeOf(request)]);
  if (!check.ok) return refuse({ ballot: check.errors }, ballot(chosen, ranks));
  const cast = await castBallot(code, check.selection, { ranked: rules.method === "ranked", channel: "paper", site: start.data.site });
  if (!cast.ok) return refuse({ code: [CODE_REFUSAL_MESSAGES[cast.reason === "closed" ? "not-voting" : "used"]] });
  await recordPaperEntry(actor, cycle.id, start.data.site);
  const next = new URLSearchParams({ recorded: cast.tracker, site: start.data.site });
  return redirect(`/admin/cycles/${cycle.slug}/paper?${next}`);
}

export default function PaperBallots() {
  const { t } = useTranslation();
  const say = useMessage();
  const f = useFormat();
  const { cycle, sites } = useLoaderData<typeof loader>();
  const entry = useActionData<typeof action>();
  const [params] = useSearchParams();
  const recorded = params.get("recorded");
  const site = entry?.site ?? params.get("site") ?? "";
  const money = (cents: number) => f.money(cents, cycle.currency);
  return (
    <div className="narrow">
      <p>
        <Link to={`/admin/cycles/${cycle.slug}`}>{t("vote:paper.back", { cycle: cycle.name })}</Link>
      </p>
      <h1>{t("vote:paper.title")}</h1>
      <p>{t("vote:paper.intro")}</p>
      {recorded ? <Notice tone="success">{t("vote:paper.recorded", { tracker: recorded })}</Notice> : null}
      <Form method="post" className="stack">
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
    </div>
  );
}
