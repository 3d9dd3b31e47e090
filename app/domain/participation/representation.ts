// Who the programme reaches: survey answers against census shares, turnout against
// population. Pure: no framework or database import.
import { CENSUS_QUESTIONS, FIXED_QUESTIONS, type Census, type CensusQuestion, type SurveyAnswer } from "./survey";

/** A group is under-represented when its share of survey answers is below this fraction of its census share. */
export const UNDER_REPRESENTED_BELOW = 0.8;

/**
 * The fewest survey answers shown broken down by question: with fewer, someone who knows who voted
 * lately could pick out one person's answers. Below it the dashboard gives the count only.
 */
export const FEWEST_ANSWERS_SHOWN = 10;

/** The row "by language" of paper voters: their ballot's language is not recorded, so they are not counted as English. */
export const PAPER_LOCALE = "paper";

export interface GroupRow {
  answer: string;
  /** Survey answers naming this group. */
  count: number;
  /** Share of the people who answered the question (0–1). */
  surveyShare: number;
  /** Census share (0–1), when the PB office entered one. */
  censusShare: number | null;
  /** surveyShare ÷ censusShare; null without a census share. */
  ratio: number | null;
  underRepresented: boolean;
}

export interface QuestionRows {
  question: CensusQuestion | "firstTime";
  /** People who answered this question (the denominator). */
  answered: number;
  rows: GroupRow[];
}

function valuesOf(answer: SurveyAnswer, question: CensusQuestion | "firstTime"): string[] {
  if (question === "ethnicity") return answer.ethnicities;
  const value = answer[question];
  return value ? [value] : [];
}

/**
 * Each answer's share among those who answered the question, beside its census share.
 * (People may choose several ethnicity categories, so those shares can add up to more than 100%.)
 */
export function representation(answers: readonly SurveyAnswer[], census: Census, ethnicities: readonly string[]): QuestionRows[] {
  const questions: (CensusQuestion | "firstTime")[] = [...CENSUS_QUESTIONS, "firstTime"];
  return questions.map((question) => {
    const options: readonly string[] =
      question === "ethnicity" ? ethnicities : question === "firstTime" ? ["yes", "no"] : FIXED_QUESTIONS[question];
    const counts = new Map<string, number>(options.map((o) => [o, 0]));
    let answered = 0;
    for (const a of answers) {
      const values = valuesOf(a, question);
      if (values.length) answered++;
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const shares = question === "firstTime" ? undefined : census[question];
    return {
      question,
      answered,
      rows: [...counts].map(([answer, count]) => {
        const surveyShare = answered ? count / answered : 0;
        const bp = shares?.[answer];
        const censusShare = bp === undefined ? null : bp / 10_000;
        const ratio = censusShare ? surveyShare / censusShare : null;
        return {
          answer,
          count,
          surveyShare,
          censusShare,
          ratio,
          underRepresented: answered > 0 && censusShare !== null && censusShare > 0 && surveyShare < UNDER_REPRESENTED_BELOW * censusShare,
        };
      }),
    };
  });
}

export interface TurnoutRow {
  district: string;
  population: number;
  voters: number;
  /** voters ÷ population; null when no population is entered. */
  turnout: number | null;
}

export function turnout(districts: readonly { name: string; population: number; voters: number }[]): TurnoutRow[] {
  return districts.map((d) => ({
    district: d.name,
    population: d.population,
    voters: d.voters,
    turnout: d.population > 0 ? d.voters / d.population : null,
  }));
}

/**
 * What the dashboard shows of the survey: the breakdown by question from FEWEST_ANSWERS_SHOWN answers,
 * else nothing but whether there are too few (the count is shown either way).
 */
export function surveyBreakdown(answers: readonly SurveyAnswer[], census: Census, ethnicities: readonly string[]) {
  const shown = answers.length >= FEWEST_ANSWERS_SHOWN;
  return { tooFewAnswers: answers.length > 0 && !shown, representation: shown ? representation(answers, census, ethnicities) : [] };
}
