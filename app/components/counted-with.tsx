import { Trans, useTranslation } from "react-i18next";
import { isTallyRule, tallyRuleName, type TallyRule } from "~/domain/cycles/rules-schema";
import type { ScoreKind } from "~/domain/results/explain";

const RULE_EXPLANATION_KEYS = {
  votes: { greedy: "results:rules.greedy", mes: "results:rules.mes", "mes-add1": "results:rules.mesAdd1" },
  points: { greedy: "results:rules.greedyPoints", mes: "results:rules.mes", "mes-add1": "results:rules.mesAdd1Points" },
} as const satisfies Record<ScoreKind, Record<TallyRule, string>>;

/**
 * How a count works, in words: its rule, how an exact tie is broken, and on ranked ballots what the
 * points are. The results page and the council report say the same.
 */
export function CountedWith({ rule, ballotMethod, score, firstChoicePoints }: { rule: string; ballotMethod: string; score: ScoreKind; firstChoicePoints: number }) {
  const { t } = useTranslation();
  const known: TallyRule = isTallyRule(rule) ? rule : "greedy";
  return (
    <>
      <Trans
        i18nKey="results:list.countedWith"
        values={{ rule: tallyRuleName(t, known, ballotMethod), explanation: t(RULE_EXPLANATION_KEYS[score][known]) }}
        components={{ strong: <strong /> }}
      />
      {score === "points" ? <> {t("results:list.rankedPoints", { first: firstChoicePoints })}</> : null}
    </>
  );
}
