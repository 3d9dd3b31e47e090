// The optional, anonymous survey after voting, and the census shares the PB office
// compares its answers with. Pure: no framework or database import.
import { z } from "zod";
import { message } from "~/i18n/message";

export const AGE_BANDS = ["under18", "18to24", "25to34", "35to44", "45to64", "65plus"] as const;
export const GENDERS = ["woman", "man", "nonbinary", "other"] as const;
export const HOME_LANGUAGES = ["english", "spanish", "chinese", "vietnamese", "tagalog", "arabic", "other"] as const;
export const FIRST_TIME = ["yes", "no"] as const;

/** Questions with fixed answers (the ethnicity categories are the cycle's own). */
export const FIXED_QUESTIONS = { ageBand: AGE_BANDS, gender: GENDERS, homeLanguage: HOME_LANGUAGES } as const;
export type CensusQuestion = keyof typeof FIXED_QUESTIONS | "ethnicity";
export const CENSUS_QUESTIONS: readonly CensusQuestion[] = ["ageBand", "gender", "homeLanguage", "ethnicity"];

export const MAX_ETHNICITIES = 20;

export interface SurveyAnswer {
  ageBand: string;
  gender: string;
  homeLanguage: string;
  ethnicities: string[];
  firstTime: string;
}

const optionalOf = (values: readonly string[]) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().refine((v) => v === "" || values.includes(v), { message: message("participation:survey.errors.unknown") }));

/** Every question is optional ("" = not answered); a value that is not on the form is refused. */
export function surveyAnswerSchema(ethnicities: readonly string[]) {
  return z.object({
    ageBand: optionalOf(AGE_BANDS),
    gender: optionalOf(GENDERS),
    homeLanguage: optionalOf(HOME_LANGUAGES),
    ethnicities: z.preprocess(
      (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().refine((v) => ethnicities.includes(v), { message: message("participation:survey.errors.unknown") })).max(MAX_ETHNICITIES),
    ),
    firstTime: optionalOf(FIRST_TIME),
  });
}

/** Sent with no question answered: a skip, not an answer (it would count as one and say nothing). */
export function answeredNothing(answer: SurveyAnswer): boolean {
  return !answer.ageBand && !answer.gender && !answer.homeLanguage && answer.ethnicities.length === 0 && !answer.firstTime;
}

/** The survey answers from a posted form (checkboxes repeat their name). */
export function readSurveyForm(formData: FormData, ethnicities: readonly string[]) {
  return surveyAnswerSchema(ethnicities).safeParse({
    ageBand: formData.get("ageBand") ?? "",
    gender: formData.get("gender") ?? "",
    homeLanguage: formData.get("homeLanguage") ?? "",
    ethnicities: formData.getAll("ethnicities").map(String),
    firstTime: formData.get("firstTime") ?? "",
  });
}

/** The PB office's categories: one a line, trimmed, no duplicates. */
export function parseCategories(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
}

/** The categories' names in another language, by locale, each list in the categories' order. */
export type CategoryNames = Partial<Record<string, string[]>>;

/**
 * The categories as voters in another language read them, typed one a line in the same order: as
 * many as the categories, each under 80 characters. Empty: that language shows them as written.
 */
export function readCategoryNames(text: string, categories: readonly string[]): { ok: true; names: string[] | null } | { ok: false; error: string } {
  const names = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (names.length === 0) return { ok: true, names: null };
  if (names.length !== categories.length) return { ok: false, error: message("participation:setup.errors.namesCount", { count: categories.length, given: names.length }) };
  if (names.some((n) => n.length > 80)) return { ok: false, error: message("participation:setup.errors.categoryLong") };
  return { ok: true, names };
}

/** The ethnicity choices on a voter's survey: the value stored is the category as written, the label in the voter's language when given. */
export function ethnicityChoices(categories: readonly string[], names: CategoryNames, locale: string): { value: string; label: string }[] {
  const translated = names[locale];
  const usable = translated?.length === categories.length ? translated : null;
  return categories.map((value, i) => ({ value, label: usable?.[i] ?? value }));
}

export const categoriesSchema = z
  .string()
  .max(2000)
  .transform(parseCategories)
  .pipe(
    z
      .array(z.string().max(80, { message: message("participation:setup.errors.categoryLong") }))
      .max(MAX_ETHNICITIES, { message: message("participation:setup.errors.tooMany", { max: MAX_ETHNICITIES }) }),
  );

/**
 * Once voters have answered, the categories they chose stay as they are: answers and census shares
 * are matched by the category's name, so renaming or removing one would split or drop what was
 * counted. Adding categories, reordering them and changing their Spanish names stay possible.
 * The categories that would go, or an empty list.
 */
export function categoriesAnswersNeed(previous: readonly string[], next: readonly string[], answered: boolean): string[] {
  return answered ? previous.filter((c) => !next.includes(c)) : [];
}

/** Census shares in basis points (1% = 100), per question and answer. */
export type Census = Partial<Record<CensusQuestion, Record<string, number>>>;

/** A percentage typed by the PB office ("12.5", "12,5", "" for none) → basis points, or null. */
export function percentToBasisPoints(text: string): number | null | "invalid" {
  // "50%", "50 %" (as Spanish and French write it, with a space or a no-break space), "12,5".
  const t = text.trim().replace(",", ".").replace(/[\s\u00a0\u202f]*%$/, "");
  if (t === "") return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return "invalid";
  const bp = Math.round(Number(t) * 100);
  return bp > 10_000 ? "invalid" : bp;
}

/**
 * Reads the census form: fields named `census.<question>.<index>`, the index into the
 * question's answers. Shares of a single-choice question may not add up to more than 100%.
 */
export function readCensusForm(formData: FormData, ethnicities: readonly string[]): { ok: true; census: Census } | { ok: false; errors: Record<string, string> } {
  const census: Census = {};
  const errors: Record<string, string> = {};
  for (const question of CENSUS_QUESTIONS) {
    const answers = question === "ethnicity" ? ethnicities : FIXED_QUESTIONS[question];
    const shares: Record<string, number> = {};
    let sum = 0;
    answers.forEach((answer, i) => {
      const field = `census.${question}.${i}`;
      const bp = percentToBasisPoints(String(formData.get(field) ?? ""));
      if (bp === "invalid") errors[field] = message("participation:setup.errors.percent");
      else if (bp !== null) {
        shares[answer] = bp;
        sum += bp;
      }
    });
    // Ethnicity categories may overlap (people choose several); the others are one answer each.
    if (question !== "ethnicity" && sum > 10_000) errors[`census.${question}`] = message("participation:setup.errors.over100");
    if (Object.keys(shares).length) census[question] = shares;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, census };
}
