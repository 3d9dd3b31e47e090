import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PHASES, PHASE_KEYS, type Phase } from "~/domain/cycles/phases";
import { useWrittenIn } from "~/i18n/i18n";

/** The phases as an ordered list, the current one marked. */
export function PhaseTimeline({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const current = PHASES.indexOf(phase);
  return (
    <ol className="timeline" aria-label={t("common:cycle.phases")}>
      {PHASES.filter((p) => p !== "draft").map((p) => {
        const i = PHASES.indexOf(p);
        const state = i < current ? "done" : i === current ? "current" : "upcoming";
        return (
          <li key={p} className={`timeline-${state}`} aria-current={state === "current" ? "step" : undefined}>
            {t(PHASE_KEYS[p])}
          </li>
        );
      })}
    </ol>
  );
}

/** A GET form to switch cycle on public lists; works without JavaScript. */
export function CyclePicker({
  cycles,
  current,
}: {
  cycles: readonly { slug: string; name: string; writtenIn: string | null }[];
  current: string;
}) {
  const { t } = useTranslation();
  const writtenIn = useWrittenIn();
  if (cycles.length < 2) return null;
  return (
    <Form method="get" className="inline-form">
      <label htmlFor="cycle-picker">{t("common:cycle.picker")}</label>{" "}
      <select id="cycle-picker" name="cycle" defaultValue={current}>
        {cycles.map((c) => (
          <option key={c.slug} value={c.slug} lang={writtenIn(c.writtenIn)}>
            {c.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button-secondary">{t("common:form.show")}</button>
    </Form>
  );
}
