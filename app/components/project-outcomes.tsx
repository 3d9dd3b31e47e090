import { useTranslation } from "react-i18next";
import { explainNote, parseNote, type ScoreKind } from "~/domain/results/explain";
import { useFormat, useWrittenIn, type OfficeName } from "~/i18n/i18n";
import { nameSlot, WithNames } from "~/components/translated";

export interface ProjectOutcomeRow {
  id: string;
  number: number | null;
  title: string;
  votes: number;
  costCents: number;
  selected: boolean;
  note: string;
  /** The title's language when not the page's (see useWrittenIn). */
  writtenIn?: string | null;
}

/**
 * Every project of one district's count, in count order, with why it won or lost: on the results page,
 * and for the PB office to review a count before it publishes it.
 */
export function ProjectOutcomes({ district, projects, score, currency }: { district: OfficeName; projects: readonly ProjectOutcomeRow[]; score: ScoreKind; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const writtenIn = useWrittenIn();
  const money = (c: number) => f.money(c, currency);
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
  const points = score === "points";
  return (
    <div className="table-scroll">
      <table className="stack-narrow">
        <caption className="sr-only"><WithNames template={t(points ? "results:district.captionPoints" : "results:district.caption", { district: nameSlot(0) })} names={[district]} /></caption>
        <thead>
          <tr>
            <th scope="col">{t("results:district.project")}</th>
            <th scope="col" className="num">{t(points ? "results:district.points" : "results:district.votes")}</th>
            <th scope="col" className="num">{t("results:district.cost")}</th>
            <th scope="col">{t("results:district.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <td>
                {p.number === null ? "" : `#${p.number} `}
                <span lang={writtenIn(p.writtenIn)}>{p.title}</span>
              </td>
              <td className="num" data-label={t(points ? "results:district.points" : "results:district.votes")}>{f.number(p.votes)}</td>
              <td className="num" data-label={t("results:district.cost")}>{money(p.costCents)}</td>
              <td>
                {/* The explanation says "Funded: …" itself; the badge only marks the row. */}
                {p.selected ? <span className="status status-selected" aria-hidden="true">✓</span> : null} {explainNote(parseNote(p.note), money, translate, score)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
