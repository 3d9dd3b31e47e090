import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";
import { PlainTick } from "~/components/chart-tick";
import { numberedTitle } from "~/domain/results/explain";
import { useFormat } from "~/i18n/i18n";

const FUNDED = "#0b5c47";
const NOT_FUNDED = "#8a96a3";

/**
 * Votes per project, winners in green. Fixed sizes so it renders on the server too: a wide
 * chart, and a narrow one (shorter labels) that a phone shows instead at its own size, rather
 * than the wide one shrunk until its labels cannot be read.
 */
type ChartProject = { number: number | null; title: string; votes: number; selected: boolean };

export function VotesChart({ projects }: { projects: ChartProject[] }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="chart-wide" aria-hidden="true">
        <Chart projects={projects} width={640} labelWidth={270} maxLabel={32} />
      </div>
      <div className="chart-narrow" aria-hidden="true">
        <Chart projects={projects} width={330} labelWidth={142} maxLabel={16} />
      </div>
      <p className="chart-legend muted" aria-hidden="true">
        <span className="swatch" style={{ background: FUNDED }} /> {t("results:chart.funded")}{" "}
        <span className="swatch" style={{ background: NOT_FUNDED }} /> {t("results:chart.notFunded")}
      </p>
    </>
  );
}

// Labels start with the project's public number, so a cut title can still be found in the table below.
function Chart({ projects, width, labelWidth, maxLabel }: { projects: ChartProject[]; width: number; labelWidth: number; maxLabel: number }) {
  const f = useFormat();
  const data = projects.map((p) => {
    const name = numberedTitle(p);
    return { name: name.length > maxLabel ? `${name.slice(0, maxLabel - 1)}…` : name, votes: p.votes, selected: p.selected };
  });
  return (
    <BarChart width={width} height={44 * data.length + 40} data={data} layout="vertical" margin={{ left: 8, right: 48, top: 8, bottom: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => f.number(n)} />
      <YAxis type="category" dataKey="name" width={labelWidth} tick={<PlainTick />} />
      <Bar dataKey="votes" isAnimationActive={false}>
        {data.map((d, i) => (
          <Cell key={i} fill={d.selected ? FUNDED : NOT_FUNDED} />
        ))}
        <LabelList dataKey="votes" position="right" fontSize={13} fill="#1b1f23" formatter={(n: unknown) => f.number(Number(n))} />
      </Bar>
    </BarChart>
  );
}
