import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from "recharts";
import { PlainTick } from "~/components/chart-tick";
import { useFormat } from "~/i18n/i18n";

/** Votes per project, winners in green. Fixed size so it renders on the server too. */
export function VotesChart({ projects }: { projects: { title: string; votes: number; selected: boolean }[] }) {
  const f = useFormat();
  const data = projects.map((p) => ({ name: p.title.length > 34 ? `${p.title.slice(0, 32)}…` : p.title, votes: p.votes, selected: p.selected }));
  return (
    <div className="table-scroll" aria-hidden="true">
      <BarChart width={640} height={44 * data.length + 40} data={data} layout="vertical" margin={{ left: 16, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => f.number(n)} />
        <YAxis type="category" dataKey="name" width={250} tick={<PlainTick />} />
        <Bar dataKey="votes" isAnimationActive={false}>
          {data.map((d, i) => (
            <Cell key={i} fill={d.selected ? "#0b5c47" : "#8a96a3"} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
