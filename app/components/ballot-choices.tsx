import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BallotRules } from "~/domain/ballots/rules";
import { INTL_LOCALE } from "~/i18n/config";
import { useLocale, useMessage, useWrittenIn } from "~/i18n/i18n";
import { HiddenContext } from "~/components/forms";

export interface BallotOption {
  id: string;
  title: string;
  description: string;
  /** The language of the title and description when not the page's (see useWrittenIn). */
  writtenIn?: string | null;
  category: string;
  categoryWrittenIn?: string | null;
  costCents: number;
}

/** The projects on a ballot, as checkboxes (knapsack, approval) or rank menus (ranked); the same for online and paper entry. */
export function BallotChoices({
  legend,
  options,
  rules,
  initial,
  ranks,
  problems = {},
  money,
}: {
  legend: ReactNode;
  options: readonly BallotOption[];
  rules: BallotRules;
  initial: ReadonlySet<string>;
  ranks: Record<string, string>;
  /** A message for a project whose own entry is wrong (e.g. a rank given twice), shown beside it. */
  problems?: Record<string, string>;
  money: (cents: number) => string;
}) {
  const { t } = useTranslation();
  const say = useMessage();
  const choice = useChoice();
  const writtenIn = useWrittenIn();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.id} className="ballot-option">
          {rules.method === "ranked" ? (
            <select
              id={`p-${o.id}`}
              name={`rank-${o.id}`}
              aria-label={t("vote:ballot.rankFor", { title: o.title })}
              defaultValue={ranks[o.id] ?? ""}
              aria-invalid={problems[o.id] ? true : undefined}
              aria-describedby={problems[o.id] ? `problem-${o.id} d-${o.id}` : `d-${o.id}`}
            >
              <option value="">{t("vote:ballot.notRanked")}</option>
              {Array.from({ length: Math.min(rules.maxRanks, options.length) }, (_, i) => (
                <option key={i} value={String(i + 1)}>
                  {choice(i + 1)}
                </option>
              ))}
            </select>
          ) : (
            <input type="checkbox" id={`p-${o.id}`} name="project" value={o.id} defaultChecked={initial.has(o.id)} aria-describedby={`d-${o.id}`} data-cost={o.costCents} />
          )}
          <div>
            {problems[o.id] ? (
              <p id={`problem-${o.id}`} className="error">
                {say(problems[o.id])}
              </p>
            ) : null}
            <label htmlFor={`p-${o.id}`}>
              <span lang={writtenIn(o.writtenIn)}>{o.title}</span> — <span className="cost">{money(o.costCents)}</span>
            </label>
            <p id={`d-${o.id}`} className="muted">
              <span lang={writtenIn(o.categoryWrittenIn)}>{o.category}</span>. <span lang={writtenIn(o.writtenIn)}>{o.description}</span>
            </p>
            <p>
              <Link to={`/proposals/${o.id}`} target="_blank" rel="noreferrer">
                {t("vote:ballot.costDetails")}
                <HiddenContext>{o.title}</HiddenContext>
              </Link>
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

// "1st choice", "2nd choice": the language's own ordinal forms (Spanish has one: "1.ª opción").
const CHOICE_KEYS = {
  zero: "vote:ballot.choice.other",
  one: "vote:ballot.choice.one",
  two: "vote:ballot.choice.two",
  few: "vote:ballot.choice.few",
  many: "vote:ballot.choice.other",
  other: "vote:ballot.choice.other",
} as const satisfies Record<Intl.LDMLPluralRule, string>;

function useChoice() {
  const { t } = useTranslation();
  const rules = new Intl.PluralRules(INTL_LOCALE[useLocale()], { type: "ordinal" });
  return (rank: number) => t(CHOICE_KEYS[rules.select(rank)], { rank });
}
