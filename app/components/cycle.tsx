import { Form } from "@remix-run/react";
import { PHASES, PHASE_LABELS, type Phase } from "~/domain/cycles/phases";

/** The phases as an ordered list, the current one marked. */
export function PhaseTimeline({ phase }: { phase: Phase }) {
  const current = PHASES.indexOf(phase);
  return (
    <ol className="timeline" aria-label="Cycle phases">
      {PHASES.filter((p) => p !== "draft").map((p) => {
        const i = PHASES.indexOf(p);
        const state = i < current ? "done" : i === current ? "current" : "upcoming";
        return (
          <li key={p} className={`timeline-${state}`} aria-current={state === "current" ? "step" : undefined}>
            {PHASE_LABELS[p]}
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
  cycles: readonly { slug: string; name: string }[];
  current: string;
}) {
  if (cycles.length < 2) return null;
  return (
    <Form method="get" className="inline-form">
      <label htmlFor="cycle-picker">Cycle</label>{" "}
      <select id="cycle-picker" name="cycle" defaultValue={current}>
        {cycles.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button-secondary">Show</button>
    </Form>
  );
}
