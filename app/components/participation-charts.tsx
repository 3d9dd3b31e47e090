// Charts for the participation dashboard. Each is decorative beside a table with the same
// figures (aria-hidden), fixed-size so the server renders it too. Only the dashboard imports
// this module, so recharts stays out of the chunks the public pages load.
import type { CSSProperties } from "react";
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { PlainTick } from "~/components/chart-tick";

// Labels longer than this would run past the left edge of the 150px label column.
const short = (s: string) => (s.length > 19 ? `${s.slice(0, 18)}…` : s);

/** One bar per row: `value` in percent or a count. */
export function SimpleBars({ rows, unit = "" }: { rows: { label: string; value: number }[]; unit?: string }) {
  const data = rows.map((r) => ({ name: short(r.label), value: r.value }));
  // Small shares (a turnout of 0.05%) need a scale in decimals, or every bar would sit at 0; a count
  // of voters never does ("0.75 voters").
  const small = unit === "%" && Math.max(0, ...data.map((d) => d.value)) < 5;
  return (
    <div className="chart" aria-hidden="true">
      <BarChart width={420} height={36 * data.length + 50} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit={unit} allowDecimals={small} />
        <YAxis type="category" dataKey="name" width={150} tick={<PlainTick />} />
        <Bar dataKey="value" fill="#1f5f8b" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/** Survey share against census share, in percent, two bars per answer. */
export function CompareBars({ rows, surveyLabel, censusLabel }: { rows: { label: string; survey: number; census: number | null }[]; surveyLabel: string; censusLabel: string }) {
  const data = rows.map((r) => ({ name: short(r.label), survey: r.survey, census: r.census ?? 0 }));
  return (
    <div className="chart" aria-hidden="true">
      <BarChart width={420} height={48 * data.length + 70} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit="%" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} tick={<PlainTick />} />
        <Bar dataKey="survey" name={surveyLabel} fill="#1f5f8b" isAnimationActive={false} />
        <Bar dataKey="census" name={censusLabel} fill="#8a5a00" isAnimationActive={false} />
      </BarChart>
      <p className="chart-legend">
        <span style={{ "--swatch": "#1f5f8b" } as CSSProperties}>{surveyLabel}</span>
        <span style={{ "--swatch": "#8a5a00" } as CSSProperties}>{censusLabel}</span>
      </p>
    </div>
  );
}
