// Ideas collected on paper and at neighbourhood assemblies, brought in from a CSV file.
// Every row is checked before anything is saved, and the admin sees each problem by row and column.
import Papa from "papaparse";
import { spreadsheetCsv } from "../csv";
import { message } from "../../i18n/message";
import { ideaInput } from "./schema";

export const IDEA_IMPORT_COLUMNS = ["title", "description", "district", "category", "location", "source", "source_note"] as const;
type Column = (typeof IDEA_IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["title", "description", "district", "category"];
export const IMPORT_SOURCES = ["paper", "assembly"] as const;
export const MAX_IMPORT_ROWS = 1000;
/** The largest file (or pasted text) taken, in bytes: sent twice (to check, then to import), it stays under the server's limits. */
export const MAX_IMPORT_BYTES = 900_000;

export interface ImportProblem {
  /** The spreadsheet row (the header is row 1); null for a problem with the whole file. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportedIdea {
  title: string;
  description: string;
  districtId: string;
  categoryId: string;
  location: string;
  source: (typeof IMPORT_SOURCES)[number];
  sourceNote: string;
}

export interface ImportRow {
  row: number;
  cells: Record<Column, string>;
  problems: ImportProblem[];
  idea: ImportedIdea | null;
}

export interface IdeaImportCheck {
  fileProblems: ImportProblem[];
  rows: ImportRow[];
  valid: ImportedIdea[];
}

interface CycleNames {
  districts: readonly { id: string; name: string }[];
  categories: readonly { id: string; name: string }[];
  /** Titles already in the cycle, per district id: a file imported twice is caught. */
  existing: readonly { title: string; districtId: string; number: number }[];
}

const key = (text: string) => text.trim().toLocaleLowerCase().replace(/\s+/g, " ");
/** A title as the duplicate check compares it: also without punctuation ("Benches by the pond." is "Benches by the pond"). Accents count (año is not ano). */
const titleKey = (title: string) => key(title.replace(/[\p{P}\p{S}]+/gu, " "));
const rowFields = ideaInput.pick({ title: true, description: true, location: true });

/** Checks a whole CSV file; never throws, whatever the file holds. */
export function checkIdeaImport(text: string, cycle: CycleNames): IdeaImportCheck {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header = [], ...records] = parsed.data;
  const columns = header.map((h) => key(h).replace(/ /g, "_"));
  const fileProblems: ImportProblem[] = [];

  // A quote opened and not closed where its cell ends makes the lines after it part of one cell:
  // ideas would silently vanish into it, so the file is refused. Papa's row counts from 0 at the header.
  const badQuotes = parsed.errors.find((e) => e.code === "MissingQuotes" || e.code === "InvalidQuotes");
  if (badQuotes) fileProblems.push({ row: badQuotes.row === undefined ? null : badQuotes.row + 1, column: null, message: message("imports:problems.unclosedQuote") });
  if (parsed.data.length === 0) fileProblems.push({ row: null, column: null, message: message("imports:problems.empty") });
  for (const column of REQUIRED_COLUMNS) {
    if (parsed.data.length > 0 && !columns.includes(column)) {
      fileProblems.push({ row: 1, column, message: message("imports:problems.missingColumn", { column }) });
    }
  }
  columns.forEach((column, i) => {
    if (!(IDEA_IMPORT_COLUMNS as readonly string[]).includes(column)) {
      fileProblems.push({ row: 1, column: header[i] ?? "", message: message("imports:problems.unknownColumn", { column: header[i] ?? "" }) });
    }
  });
  if (records.length === 0 && parsed.data.length > 0) fileProblems.push({ row: null, column: null, message: message("imports:problems.noRows") });
  if (records.length > MAX_IMPORT_ROWS) {
    fileProblems.push({ row: null, column: null, message: message("imports:problems.tooManyRows", { count: records.length, max: MAX_IMPORT_ROWS }) });
  }
  if (fileProblems.length > 0) return { fileProblems, rows: [], valid: [] };

  const districts = new Map(cycle.districts.map((d) => [key(d.name), d]));
  const categories = new Map(cycle.categories.map((c) => [key(c.name), c]));
  const existing = new Map(cycle.existing.map((i) => [`${i.districtId}|${titleKey(i.title)}`, i.number]));
  const seen = new Map<string, number>();

  const rows = records.map((record, index): ImportRow => {
    const row = index + 2;
    const cells = Object.fromEntries(IDEA_IMPORT_COLUMNS.map((c) => [c, (record[columns.indexOf(c)] ?? "").trim()])) as Record<Column, string>;
    const problems: ImportProblem[] = [];
    const problem = (column: Column, text: string) => problems.push({ row, column, message: text });

    if (record.length !== header.length) {
      problems.push({ row, column: null, message: message("imports:problems.cellCount", { count: record.length, expected: header.length }) });
    }
    const fields = rowFields.safeParse(cells);
    if (!fields.success) {
      for (const issue of fields.error.issues) problem(String(issue.path[0]) as Column, issue.message);
    }
    const district = districts.get(key(cells.district));
    if (!district) {
      problem("district", cells.district
        ? message("imports:problems.unknownDistrict", { name: cells.district, names: cycle.districts.map((d) => d.name).join(", ") })
        : message("imports:problems.districtRequired"));
    }
    const category = categories.get(key(cells.category));
    if (!category) {
      problem("category", cells.category
        ? message("imports:problems.unknownCategory", { name: cells.category, names: cycle.categories.map((c) => c.name).join(", ") })
        : message("imports:problems.categoryRequired"));
    }
    const source = key(cells.source || "paper");
    if (!(IMPORT_SOURCES as readonly string[]).includes(source)) problem("source", message("imports:problems.badSource", { value: cells.source }));
    if (cells.source_note.length > 200) problem("source_note", message("imports:problems.noteTooLong"));

    if (district && cells.title) {
      const id = `${district.id}|${titleKey(cells.title)}`;
      const number = existing.get(id);
      if (number !== undefined) problem("title", message("imports:problems.alreadyAnIdea", { number }));
      const earlier = seen.get(id);
      if (earlier !== undefined) problem("title", message("imports:problems.repeatedRow", { row: earlier }));
      else seen.set(id, row);
    }

    const idea =
      problems.length === 0 && fields.success && district && category
        ? {
            title: fields.data.title,
            description: fields.data.description,
            location: fields.data.location,
            districtId: district.id,
            categoryId: category.id,
            source: source as ImportedIdea["source"],
            sourceNote: cells.source_note,
          }
        : null;
    return { row, cells, problems, idea };
  });

  return { fileProblems, rows, valid: rows.flatMap((r) => (r.idea ? [r.idea] : [])) };
}

/** A template a programme can fill in, with this cycle's district and category names as the example. */
export function ideaImportTemplate(cycle: Pick<CycleNames, "districts" | "categories">): string {
  const district = cycle.districts[0]?.name ?? "";
  const category = cycle.categories[0]?.name ?? "";
  return spreadsheetCsv({
    fields: [...IDEA_IMPORT_COLUMNS],
    data: [
      [
        "Benches along the river path",
        "Older neighbours cannot walk the whole river path without a rest. Three benches between the bridge and the library would help.",
        district,
        category,
        "River path, between the bridge and the library",
        "assembly",
        "Neighbourhood assembly, library hall",
      ],
    ],
  });
}
