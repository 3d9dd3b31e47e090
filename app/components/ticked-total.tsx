import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { selectionTotalCents, type BallotRules } from "~/domain/ballots/rules";

/**
 * What the ticks on a paper ballot add up to, kept up to date as the clerk ticks them, so a
 * ballot typed in wrong is seen before it is sent. It follows the form it sits in and appears
 * only once the page runs JavaScript: without it, the server's check says the same on sending.
 */
export function TickedTotal({ rules, options, money }: { rules: BallotRules; options: readonly { id: string; costCents: number }[]; money: (cents: number) => string }) {
  const { t } = useTranslation();
  const here = useRef<HTMLParagraphElement>(null);
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  useEffect(() => {
    const form = here.current?.closest("form");
    if (!form) return;
    const read = () => setTicked(new FormData(form).getAll("project").map(String));
    read();
    form.addEventListener("change", read);
    return () => form.removeEventListener("change", read);
  }, []);
  if (rules.method === "ranked") return null;
  let line: React.ReactNode = null;
  if (ticked && rules.method === "knapsack") {
    const total = selectionTotalCents(options, ticked);
    const over = total > rules.budgetCents;
    line = (
      <>
        {t("vote:paper.tickedTotal", { total: money(total), budget: money(rules.budgetCents) })}
        {over ? <strong className="error"> — {t("vote:summary.over", { amount: money(total - rules.budgetCents) })}</strong> : ` — ${t("vote:summary.left", { amount: money(rules.budgetCents - total) })}`}
      </>
    );
  } else if (ticked && rules.method === "approval") {
    const range = rules.minApprovals === rules.maxApprovals ? String(rules.minApprovals) : t("vote:summary.range", { min: rules.minApprovals, max: rules.maxApprovals });
    line = (
      <>
        {t("vote:paper.tickedCount", { count: ticked.length, range })}
        {ticked.length > rules.maxApprovals ? <strong className="error"> — {t("vote:paper.tickedTooMany", { max: rules.maxApprovals })}</strong> : null}
      </>
    );
  }
  return (
    <p ref={here} className="running-total" aria-live="polite" data-testid="ticked-total" hidden={!line}>
      {line}
    </p>
  );
}
