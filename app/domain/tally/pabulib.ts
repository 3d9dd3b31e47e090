// Reader and writer for Pabulib `.pb` files (https://pabulib.org/format), as
// described in ../shared/tally-rules.md: META / PROJECTS / VOTES sections,
// `;` delimiter, `"` quotes (doubled inside quoted fields; a field that opens
// with a quote closing mid-field keeps its text, like Python's csv module),
// optional byte-order mark, LF / CRLF / CR line endings (mixed), blank lines
// ignored, section titles matched case-insensitively, fields trimmed, extra
// columns kept. Malformed input raises a PabulibError naming the line.
// Pure TypeScript: no framework imports.

import {
  lcmBig,
  parseDecimal,
  rat,
  toExactDecimalString,
  toFractionString,
  isFiniteDecimal,
  type Rational,
} from "./rational";
import type { Election, TallyBallot } from "./types";
import { checkBallot, type BallotOption, type BallotRules } from "../ballots/rules";
import { decodeMessage } from "../../i18n/message";
import voteEnglish from "../../locales/en/vote.json";

export type PabulibVoteType = "approval" | "choose-1" | "ordinal" | "cumulative" | "scoring";
export const PABULIB_VOTE_TYPES: readonly PabulibVoteType[] = [
  "approval",
  "choose-1",
  "ordinal",
  "cumulative",
  "scoring",
];

export type PabulibErrorCode =
  | "syntax" // quoting / text outside sections
  | "section" // missing, repeated or out-of-order section
  | "meta" // bad or missing META entry
  | "header" // bad PROJECTS / VOTES header row
  | "project" // bad project row
  | "vote"; // bad vote row

/** A malformed `.pb` file: `line` is the 1-based line number in the input. */
export class PabulibError extends Error {
  readonly line: number;
  readonly code: PabulibErrorCode;
  readonly detail: string;
  constructor(line: number, code: PabulibErrorCode, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = "PabulibError";
    this.line = line;
    this.code = code;
    this.detail = detail;
  }
}

export interface PabulibMetaEntry {
  key: string;
  value: string;
}

export interface PabulibProject {
  /** project_id, trimmed; compared as a plain string. */
  id: string;
  /** Exact cost as written (decimals allowed). */
  cost: Rational;
  /** Every other column (name, category, votes, score, selected, …) by header name, as text. */
  extra: Record<string, string>;
}

export interface PabulibVote {
  voterId: string;
  /** Project ids; in preference order for ordinal files. */
  ids: string[];
  /** Points matching `ids` (cumulative / scoring files). */
  points?: Rational[];
  /** Every other column (age, sex, voting_method, …) by header name, as text. */
  extra: Record<string, string>;
}

export interface PabulibWarning {
  line: number;
  message: string;
}

export interface PabulibFile {
  /** META entries in file order (keys and values trimmed). */
  meta: PabulibMetaEntry[];
  voteType: PabulibVoteType;
  budget: Rational;
  /** PROJECTS header, in order (includes project_id and cost). */
  projectColumns: string[];
  projects: PabulibProject[];
  /** VOTES header, in order (includes voter_id, vote and, for points ballots, points). */
  voteColumns: string[];
  votes: PabulibVote[];
  /** Harmless inconsistencies (e.g. num_votes differs from the number of vote rows). Not written back. */
  warnings?: PabulibWarning[];
  /**
   * Ordinal files only: the points the file says its ranked ballots were
   * counted with (META `ordinal_points`, written by our exports of ranked
   * cycles: `top-k`). Absent when the file does not say (real Pabulib files):
   * `reference` then applies. The writer keeps META in step with it.
   */
  ordinalPoints?: OrdinalPoints;
}

export type PabulibResult<T> = { ok: true; value: T } | { ok: false; error: PabulibError };

// ---------------------------------------------------------------------------
// Tokenizer

interface CsvRecord {
  fields: string[];
  line: number;
}

/** Splits the text into `;`-separated records with the line number each starts on. */
function tokenize(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let fields: string[] = [];
  let field = "";
  let fieldHasText = false; // any character (or a quote) seen in the current field
  let inQuotes = false;
  let quoteLine = 0;
  let recordLine = 1;
  const len = text.length;
  const endField = () => {
    fields.push(field);
    field = "";
    fieldHasText = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < len; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === ";") {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '"' && !fieldHasText) {
      inQuotes = true;
      fieldHasText = true;
      quoteLine = line;
    } else {
      field += ch;
      fieldHasText = true;
    }
  }
  if (inQuotes) throw new PabulibError(quoteLine, "syntax", "quoted field is never closed (missing closing \")");
  if (fields.length > 0 || field.length > 0 || fieldHasText) endRecord();
  return records.map((r) => ({ fields: r.fields.map((f) => f.trim()), line: r.line }));
}

// ---------------------------------------------------------------------------
// Reader

const SECTIONS = ["META", "PROJECTS", "VOTES"] as const;
type Section = (typeof SECTIONS)[number];

function sectionOf(rec: CsvRecord): Section | null {
  const first = rec.fields[0].toUpperCase();
  if (!(SECTIONS as readonly string[]).includes(first)) return null;
  for (let i = 1; i < rec.fields.length; i++) if (rec.fields[i] !== "") return null;
  return first as Section;
}

function parseAmount(text: string): Rational | null {
  return parseDecimal(text);
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function headerIndex(
  header: string[],
  line: number,
  section: string,
): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      // trailing empty header cells (a stray ';') are tolerated
      if (header.slice(i).every((h) => h === "")) return;
      throw new PabulibError(line, "header", `${section} header: column ${i + 1} has no name`);
    }
    const key = name.toLowerCase();
    if (map.has(key)) throw new PabulibError(line, "header", `${section} header: column ${show(name)} appears twice`);
    map.set(key, i);
  });
  return map;
}

export interface PabulibReadOptions {
  /**
   * What to do with a vote that breaks the ballot limits the file declares
   * (see ballotRulesOf): "error" (default) fails on the first such vote with a
   * PabulibError naming its line; "warn" reads it and adds a warning (a
   * published election's votes were counted as cast, limits or not); "off"
   * does not check.
   */
  ballotLimits?: "error" | "warn" | "off";
  /**
   * Ordinal points the caller has chosen itself (the CLI's --ordinal-points):
   * a META `ordinal_points` that is neither `reference` nor `top-k` is then
   * only a warning, since it is not used. Without it, such a value is an error.
   */
  ordinalPoints?: OrdinalPoints;
}

/** Reads a `.pb` file. Throws PabulibError (with the line number) on malformed input. */
export function parsePabulib(input: string, options: PabulibReadOptions = {}): PabulibFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records = tokenize(text).filter((r) => r.fields.some((f) => f !== ""));
  const lastLine = records.length > 0 ? records[records.length - 1].line : 1;
  const warnings: PabulibWarning[] = [];

  // Split into sections.
  const bodies = new Map<Section, { line: number; rows: CsvRecord[] }>();
  let current: { line: number; rows: CsvRecord[] } | null = null;
  for (const rec of records) {
    const s = sectionOf(rec);
    if (s) {
      if (bodies.has(s)) throw new PabulibError(rec.line, "section", `${s} section appears twice`);
      current = { line: rec.line, rows: [] };
      bodies.set(s, current);
      continue;
    }
    if (!current) {
      throw new PabulibError(rec.line, "section", `text before the first section (expected a line "META"): ${show(rec.fields.join(";"))}`);
    }
    current.rows.push(rec);
  }
  for (const s of SECTIONS) {
    if (bodies.has(s)) continue;
    // A line that looks like a section title ("PROJECT", "BALLOTS") is the likely culprit: point at it, not at the end.
    const lookalike = records.find(
      (r) => (/^[A-Z][A-Z_ ]*$/.test(r.fields[0]) || /^(meta[a-z]*|proj[a-z]*|votes?|ballots?)$/i.test(r.fields[0])) && r.fields.slice(1).every((f) => f === "") && !sectionOf(r),
    );
    if (lookalike) {
      throw new PabulibError(lookalike.line, "section", `${show(lookalike.fields[0])} is not a section title (expected META, PROJECTS or VOTES); no ${s} section was found`);
    }
    throw new PabulibError(lastLine, "section", `missing ${s} section`);
  }
  const metaBody = bodies.get("META")!;
  const projBody = bodies.get("PROJECTS")!;
  const voteBody = bodies.get("VOTES")!;
  if (!(metaBody.line < projBody.line && projBody.line < voteBody.line)) {
    throw new PabulibError(
      Math.max(projBody.line, voteBody.line),
      "section",
      "sections must come in the order META, PROJECTS, VOTES",
    );
  }

  // META
  const meta: PabulibMetaEntry[] = [];
  const metaLine = new Map<string, number>();
  metaBody.rows.forEach((rec, i) => {
    if (i === 0 && rec.fields[0].toLowerCase() === "key") return; // the "key;value" header row
    if (rec.fields.length < 2) {
      throw new PabulibError(rec.line, "meta", `META line must be "key;value", found ${show(rec.fields[0])}`);
    }
    const key = rec.fields[0];
    if (key === "") throw new PabulibError(rec.line, "meta", "META line has an empty key");
    // An unquoted ';' inside a value: keep the rest of the line as the value.
    let rest = rec.fields.slice(1);
    while (rest.length > 1 && rest[rest.length - 1] === "") rest = rest.slice(0, -1);
    meta.push({ key, value: rest.join(";") });
    metaLine.set(key.toLowerCase(), rec.line);
  });
  const metaGet = (key: string) => {
    let v: string | undefined;
    for (const e of meta) if (e.key.toLowerCase() === key) v = e.value;
    return v;
  };

  const budgetText = metaGet("budget");
  if (budgetText === undefined) throw new PabulibError(metaBody.line, "meta", "META has no budget");
  const budget = parseAmount(budgetText.replace(",", "."));
  if (!budget || budget.n < 0n) {
    throw new PabulibError(metaLine.get("budget")!, "meta", `budget must be a non-negative number, found ${show(budgetText)}`);
  }
  const voteTypeText = metaGet("vote_type");
  if (voteTypeText === undefined) throw new PabulibError(metaBody.line, "meta", "META has no vote_type");
  const voteType = voteTypeText.toLowerCase() as PabulibVoteType;
  if (!PABULIB_VOTE_TYPES.includes(voteType)) {
    throw new PabulibError(
      metaLine.get("vote_type")!,
      "meta",
      `unknown vote_type ${show(voteTypeText)} (expected ${PABULIB_VOTE_TYPES.join(", ")})`,
    );
  }
  // Which points ranked ballots get, when the file says (our exports of ranked cycles do).
  let ordinalPoints: OrdinalPoints | undefined;
  const pointsText = voteType === "ordinal" ? metaGet("ordinal_points") : undefined;
  if (pointsText !== undefined) {
    const value = pointsText.toLowerCase();
    if ((ORDINAL_POINTS as readonly string[]).includes(value)) ordinalPoints = value as OrdinalPoints;
    else {
      const line = metaLine.get("ordinal_points")!;
      const detail = `ordinal_points must be ${ORDINAL_POINTS.join(" or ")}, found ${show(pointsText)}`;
      if (options.ordinalPoints === undefined) throw new PabulibError(line, "meta", detail);
      warnings.push({ line, message: `${detail} (not used: the points were chosen explicitly)` });
    }
  }

  // PROJECTS
  if (projBody.rows.length === 0) throw new PabulibError(projBody.line, "header", "PROJECTS has no header row");
  const projHeaderRec = projBody.rows[0];
  const projectColumns = trimTrailingEmpty(projHeaderRec.fields);
  const pIdx = headerIndex(projectColumns, projHeaderRec.line, "PROJECTS");
  const idCol = pIdx.get("project_id");
  const costCol = pIdx.get("cost");
  if (idCol === undefined) throw new PabulibError(projHeaderRec.line, "header", 'PROJECTS header has no "project_id" column');
  if (costCol === undefined) throw new PabulibError(projHeaderRec.line, "header", 'PROJECTS header has no "cost" column');
  const projects: PabulibProject[] = [];
  const projectLine = new Map<string, number>();
  for (const rec of projBody.rows.slice(1)) {
    const fields = fitRow(rec, projectColumns.length, "project");
    const id = fields[idCol];
    if (id === "") throw new PabulibError(rec.line, "project", "project has an empty project_id");
    const first = projectLine.get(id);
    if (first !== undefined) {
      throw new PabulibError(rec.line, "project", `project_id ${show(id)} already used on line ${first}`);
    }
    const cost = parseAmount(fields[costCol]);
    if (!cost) throw new PabulibError(rec.line, "project", `project ${show(id)}: cost must be a number, found ${show(fields[costCol])}`);
    if (cost.n < 0n) throw new PabulibError(rec.line, "project", `project ${show(id)}: cost is negative`);
    projectLine.set(id, rec.line);
    projects.push({ id, cost, extra: extraOf(projectColumns, fields, [idCol, costCol]) });
  }

  // VOTES
  if (voteBody.rows.length === 0) throw new PabulibError(voteBody.line, "header", "VOTES has no header row");
  const voteHeaderRec = voteBody.rows[0];
  const voteColumns = trimTrailingEmpty(voteHeaderRec.fields);
  const vIdx = headerIndex(voteColumns, voteHeaderRec.line, "VOTES");
  const voterCol = vIdx.get("voter_id");
  const voteCol = vIdx.get("vote");
  const pointsCol = vIdx.get("points");
  if (voteCol === undefined) throw new PabulibError(voteHeaderRec.line, "header", 'VOTES header has no "vote" column');
  const withPoints = voteType === "cumulative" || voteType === "scoring";
  const limitsMode = options.ballotLimits ?? "error";
  const checkVote = limitsMode === "off" ? null : voteChecker(meta, voteType, projects);
  let limitWarnings = 0;
  let repeatWarnings = 0;
  const votes: PabulibVote[] = [];
  const voterLine = new Map<string, number>();
  for (const rec of voteBody.rows.slice(1)) {
    // A row that stops before its vote (a file cut short) is not an empty ballot: counting it would change the number of voters.
    if (rec.fields.length <= voteCol) {
      throw new PabulibError(rec.line, "vote", `vote row ends before its "vote" column (a line cut short?): ${show(rec.fields.join(";"))}`);
    }
    const fields = fitRow(rec, voteColumns.length, "vote");
    const voterId = voterCol === undefined ? "" : fields[voterCol];
    if (voterId !== "") {
      const first = voterLine.get(voterId);
      if (first !== undefined) throw new PabulibError(rec.line, "vote", `voter_id ${show(voterId)} already voted on line ${first}`);
      voterLine.set(voterId, rec.line);
    }
    const ids = splitList(fields[voteCol]);
    const seen = new Set<string>();
    const unique: string[] = [];
    for (const id of ids) {
      if (!projectLine.has(id)) throw new PabulibError(rec.line, "vote", `vote lists unknown project_id ${show(id)}`);
      if (seen.has(id)) {
        if (voteType === "approval") {
          // An approval set: a repeated id counts once, as pabutools reads it; said, since our own files never repeat one.
          if (repeatWarnings++ < 100) warnings.push({ line: rec.line, message: `project_id ${show(id)} is listed twice in one vote (counted once)` });
          continue;
        }
        throw new PabulibError(rec.line, "vote", `project_id ${show(id)} is listed twice`);
      }
      seen.add(id);
      unique.push(id);
    }
    if (voteType === "choose-1" && unique.length > 1) {
      throw new PabulibError(rec.line, "vote", `a choose-1 vote lists ${unique.length} projects`);
    }
    if (checkVote) {
      const problem = checkVote(unique);
      if (problem !== null) {
        const who = voterId ? `vote of voter ${show(voterId)}` : "vote";
        if (limitsMode === "error") throw new PabulibError(rec.line, "vote", `${who} breaks the file's ballot rules: ${problem}`);
        // One warning per vote, but not a hundred thousand of them.
        if (limitWarnings++ < 100) warnings.push({ line: rec.line, message: `${who} breaks the file's ballot rules (counted anyway): ${problem}` });
      }
    }
    const vote: PabulibVote = { voterId, ids: unique, extra: {} };
    const skip = [voteCol];
    if (voterCol !== undefined) skip.push(voterCol);
    if (withPoints) {
      if (pointsCol === undefined) {
        if (unique.length > 0) {
          throw new PabulibError(rec.line, "vote", `a ${voteType} vote needs points, but VOTES has no "points" column`);
        }
        vote.points = [];
      } else {
        skip.push(pointsCol);
        const texts = splitList(fields[pointsCol]);
        if (texts.length !== unique.length) {
          throw new PabulibError(
            rec.line,
            "vote",
            `vote lists ${unique.length} project(s) but ${texts.length} point value(s)`,
          );
        }
        vote.points = texts.map((t) => {
          const v = parseAmount(t);
          if (!v) throw new PabulibError(rec.line, "vote", `points must be numbers, found ${show(t)}`);
          if (voteType === "cumulative" && v.n < 0n) {
            throw new PabulibError(rec.line, "vote", `cumulative points cannot be negative (${show(t)})`);
          }
          return v;
        });
      }
    }
    vote.extra = extraOf(voteColumns, fields, skip);
    votes.push(vote);
  }

  if (repeatWarnings > 100) {
    warnings.push({ line: voteBody.line, message: `${repeatWarnings} votes in all list a project twice (only the first 100 are listed)` });
  }
  if (limitWarnings > 100) {
    warnings.push({ line: voteBody.line, message: `${limitWarnings} votes in all break the file's ballot rules (only the first 100 are listed)` });
  }
  const numVotes = metaGet("num_votes");
  if (numVotes !== undefined && numVotes !== String(votes.length)) {
    warnings.push({ line: metaLine.get("num_votes")!, message: `num_votes is ${numVotes} but the file has ${votes.length} vote rows` });
  }
  const numProjects = metaGet("num_projects");
  if (numProjects !== undefined && numProjects !== String(projects.length)) {
    warnings.push({
      line: metaLine.get("num_projects")!,
      message: `num_projects is ${numProjects} but the file has ${projects.length} project rows`,
    });
  }

  // A PROJECTS "votes" column that disagrees with the ballots: one of the two was changed or cut short.
  if (pIdx.has("votes")) {
    const listed = new Map<string, number>();
    for (const v of votes) for (const id of v.ids) listed.set(id, (listed.get(id) ?? 0) + 1);
    for (const p of projects) {
      const said = p.extra["votes"];
      if (/^\d+$/.test(said ?? "") && Number(said) !== (listed.get(p.id) ?? 0)) {
        warnings.push({ line: projectLine.get(p.id)!, message: `project ${show(p.id)} says ${said} votes but ${listed.get(p.id) ?? 0} vote rows list it` });
      }
    }
  }

  const file: PabulibFile = { meta, voteType, budget, projectColumns, projects, voteColumns, votes };
  if (ordinalPoints !== undefined) file.ordinalPoints = ordinalPoints;
  if (warnings.length > 0) file.warnings = warnings;
  return file;
}

/** Like parsePabulib, but returns the error instead of throwing. */
export function tryParsePabulib(input: string, options: PabulibReadOptions = {}): PabulibResult<PabulibFile> {
  try {
    return { ok: true, value: parsePabulib(input, options) };
  } catch (e) {
    if (e instanceof PabulibError) return { ok: false, error: e };
    return { ok: false, error: new PabulibError(1, "syntax", `unreadable file: ${(e as Error)?.message ?? String(e)}`) };
  }
}

// ---------------------------------------------------------------------------
// Ballot limits declared in META, checked with the app's own ballot validator

/** The limits a file declares, as the app's ballot rules (one or two of them), or [] when it declares none. */
export function ballotRulesOf(meta: readonly PabulibMetaEntry[], voteType: PabulibVoteType): BallotRules[] {
  const get = (key: string) => {
    let v: string | undefined;
    for (const e of meta) if (e.key.toLowerCase() === key) v = e.value;
    return v;
  };
  const whole = (key: string) => {
    const v = get(key);
    if (v === undefined || !/^\s*\d+(\.0*)?\s*$/.test(v)) return undefined;
    return Number.parseInt(v, 10);
  };
  const rules: BallotRules[] = [];
  const minLength = whole("min_length");
  const maxLength = whole("max_length");
  if (voteType === "approval" || voteType === "choose-1") {
    const min = voteType === "choose-1" ? 1 : minLength;
    const max = voteType === "choose-1" ? 1 : maxLength;
    if (min !== undefined || max !== undefined) {
      rules.push({ method: "approval", minApprovals: min ?? 0, maxApprovals: max ?? Number.MAX_SAFE_INTEGER });
    }
    // Knapsack: Pabulib's max_sum_cost, or our own exports (META ballot;knapsack: the budget).
    const limit = get("max_sum_cost") ?? (get("ballot")?.toLowerCase() === "knapsack" ? get("budget") : undefined);
    const cents = limit === undefined ? null : toCents(parseDecimal(limit.replace(",", ".")));
    if (cents !== null) rules.push({ method: "knapsack", budgetCents: cents, minSpendPercent: 0 });
  } else if (voteType === "ordinal" && maxLength !== undefined) {
    rules.push({ method: "ranked", maxRanks: maxLength });
  }
  return rules;
}

function toCents(r: Rational | null): number | null {
  if (r === null || r.n < 0n || (r.n * 100n) % r.d !== 0n) return null;
  const c = (r.n * 100n) / r.d;
  return c <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(c) : null;
}

/**
 * A function returning the problem with one vote in plain words (null if
 * none), using checkBallot, the validator of the app's ballot page; null when
 * the file declares no limits our ballot methods express.
 */
function voteChecker(
  meta: readonly PabulibMetaEntry[],
  voteType: PabulibVoteType,
  projects: readonly PabulibProject[],
): ((ids: readonly string[]) => string | null) | null {
  const rules = ballotRulesOf(meta, voteType);
  const minRanks = voteType === "ordinal" ? Number.parseInt(meta.find((e) => e.key.toLowerCase() === "min_length")?.value ?? "", 10) : NaN;
  if (rules.length === 0 && !(minRanks > 0)) return null;
  let currency = meta.find((e) => e.key.toLowerCase() === "currency")?.value.trim().toUpperCase() ?? "";
  try {
    new Intl.NumberFormat("en-US", { style: "currency", currency });
  } catch {
    currency = "XXX"; // no (known) currency: amounts print with a generic sign
  }
  const options = new Map<string, BallotOption>();
  for (const p of projects) {
    // Costs in cents for the knapsack check (0 if not a whole number of cents: not checked then).
    options.set(p.id, { id: p.id, title: p.id, costCents: toCents(p.cost) ?? 0 });
  }
  const emptyAllowed = rules.every((r) => r.method !== "approval" || r.minApprovals === 0) && !(minRanks > 0);
  // The same vote gets the same answer: check each distinct vote once.
  const seen = new Map<string, string | null>();
  return (ids) => {
    const key = ids.join(",");
    let answer = seen.get(key);
    if (answer === undefined) {
      answer = check(ids);
      seen.set(key, answer);
    }
    return answer;
  };
  function check(ids: readonly string[]): string | null {
    if (ids.length === 0 && emptyAllowed) return null; // an empty vote where the file sets no minimum
    // Only the vote's own projects are passed: unknown ids were refused already.
    const own = ids.map((id) => options.get(id)!);
    for (const r of rules) {
      const submission = r.method === "ranked" ? { ranks: Object.fromEntries(ids.map((id, j) => [id, String(j + 1)])) } : { ids };
      const check = checkBallot(r, own, submission, currency);
      if (!check.ok) return check.errors.map(inEnglish).join(" ");
    }
    if (minRanks > 0 && ids.length < minRanks) return `it ranks ${ids.length} project${ids.length === 1 ? "" : "s"}; the file asks for at least ${minRanks}.`;
    return null;
  }
}

/**
 * checkBallot returns translatable messages (key and values, see ~/i18n/message);
 * a file's errors are shown in plain English words (CLI, logs, import screens).
 */
function inEnglish(text: string): string {
  const decoded = decodeMessage(text);
  if (!decoded) return text;
  const [ns, path] = decoded.key.split(":");
  const lookUp = (keyPath: string) => {
    let node: unknown = ns === "vote" ? voteEnglish : undefined;
    for (const part of keyPath.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    return node;
  };
  // English plurals as i18next names them: key_one for a count of 1, key_other otherwise.
  const count = decoded.values.count;
  const node = lookUp(path) ?? (count === undefined ? undefined : lookUp(`${path}_${Number(count) === 1 ? "one" : "other"}`));
  if (typeof node !== "string") return text;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in decoded.values ? String(decoded.values[name]) : whole));
}

function trimTrailingEmpty(fields: string[]): string[] {
  let end = fields.length;
  while (end > 1 && fields[end - 1] === "") end--;
  return fields.slice(0, end);
}

function fitRow(rec: CsvRecord, width: number, what: "project" | "vote"): string[] {
  const fields = rec.fields.slice();
  if (fields.length > width) {
    if (fields.slice(width).some((f) => f !== "")) {
      throw new PabulibError(
        rec.line,
        what,
        `${what} row has ${fields.length} fields but the header has ${width} columns (an unquoted ";"?)`,
      );
    }
    fields.length = width;
  }
  while (fields.length < width) fields.push("");
  return fields;
}

function extraOf(columns: string[], fields: string[], skip: number[]): Record<string, string> {
  const extra: Record<string, string> = {};
  columns.forEach((name, i) => {
    if (!skip.includes(i)) extra[name] = fields[i];
  });
  return extra;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

// ---------------------------------------------------------------------------
// Writer

function quoteField(value: string): string {
  if (/[;"\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

function formatAmount(r: Rational): string {
  return isFiniteDecimal(r) ? toExactDecimalString(r) : toFractionString(r);
}

function sameAmount(text: string, value: Rational): boolean {
  const parsed = parseDecimal(text.replace(",", "."));
  return parsed !== null && parsed.n === value.n && parsed.d === value.d;
}

/**
 * Writes a `.pb` file. Columns are written in the order of projectColumns /
 * voteColumns (project_id, cost, voter_id, vote, points are added when
 * missing); META budget and vote_type are set from `budget` and `voteType`
 * (an existing budget text with the same value is kept as written), and, for
 * an ordinal file that has `ordinalPoints`, ordinal_points from it (added
 * when missing). Every other META entry is written as it is. With
 * `counts: true`, num_projects / num_votes are set to the actual counts
 * (added when missing) — use it for exports; the default writes META as is,
 * so that read → write → read gives the same file.
 */
export function writePabulib(
  file: PabulibFile,
  options: { lineEnding?: "\n" | "\r\n"; counts?: boolean } = {},
): string {
  const eol = options.lineEnding ?? "\n";
  const out: string[] = [];
  const row = (fields: string[]) => out.push(fields.map(quoteField).join(";"));

  const meta = file.meta.map((e) => ({ ...e }));
  const setMeta = (key: string, value: string, keepIf?: (old: string) => boolean) => {
    const entries = meta.filter((e) => e.key.toLowerCase() === key);
    if (entries.length === 0) meta.push({ key, value });
    else for (const e of entries) if (!keepIf || !keepIf(e.value)) e.value = value;
  };
  if (options.counts) {
    setMeta("num_projects", String(file.projects.length));
    setMeta("num_votes", String(file.votes.length));
  }
  setMeta("budget", formatAmount(file.budget), (old) => sameAmount(old, file.budget));
  setMeta("vote_type", file.voteType, (old) => old.toLowerCase() === file.voteType);
  const points = file.ordinalPoints;
  if (file.voteType === "ordinal" && points !== undefined) {
    setMeta("ordinal_points", points, (old) => old.toLowerCase() === points);
  }

  out.push("META");
  row(["key", "value"]);
  for (const e of meta) row([e.key, e.value]);

  const withPoints = file.voteType === "cumulative" || file.voteType === "scoring";
  const projectColumns = ensureColumns(file.projectColumns, ["project_id", "cost"]);
  out.push("PROJECTS");
  row(projectColumns);
  for (const p of file.projects) {
    row(
      projectColumns.map((name) => {
        const key = name.toLowerCase();
        if (key === "project_id") return p.id;
        if (key === "cost") return formatAmount(p.cost);
        return p.extra[name] ?? "";
      }),
    );
  }

  const voteColumns = ensureColumns(file.voteColumns, withPoints ? ["voter_id", "vote", "points"] : ["voter_id", "vote"]);
  out.push("VOTES");
  row(voteColumns);
  for (const v of file.votes) {
    row(
      voteColumns.map((name) => {
        const key = name.toLowerCase();
        if (key === "voter_id") return v.voterId;
        if (key === "vote") return v.ids.join(",");
        if (key === "points" && withPoints) return (v.points ?? []).map(formatAmount).join(",");
        return v.extra[name] ?? "";
      }),
    );
  }
  return out.join(eol) + eol;
}

function ensureColumns(columns: string[], required: string[]): string[] {
  const result = columns.slice();
  const lower = result.map((c) => c.toLowerCase());
  required.forEach((name, i) => {
    if (!lower.includes(name)) {
      result.splice(Math.min(i, result.length), 0, name);
      lower.splice(Math.min(i, lower.length), 0, name);
    }
  });
  return result;
}

// ---------------------------------------------------------------------------
// Conversion to an Election

export type OrdinalPoints = "reference" | "top-k";
export const ORDINAL_POINTS: readonly OrdinalPoints[] = ["reference", "top-k"];

export interface PabulibElectionOptions {
  /**
   * Points of a ranked (ordinal) ballot. "reference": the project at 0-based
   * position j of a ballot ranking r projects gets r − j − 1 points
   * (pabutools' Borda). "top-k": k, k−1, …, 1 for the first k ranks, k =
   * META max_length (or the longest ballot if the file has none). Default:
   * what the file says (META ordinal_points), else "reference".
   */
  ordinalPoints?: OrdinalPoints;
}

/** Where the ordinal points used for a file come from. */
export interface OrdinalPointsChoice {
  points: OrdinalPoints;
  /** "option": chosen by the caller; "meta": the file's META ordinal_points; "default": reference, for Pabulib files. */
  from: "option" | "meta" | "default";
}

/**
 * The ordinal points to count a file with: the caller's choice if any, else
 * what the file says (META ordinal_points), else "reference" (pabutools'
 * Borda, what real Pabulib files assume).
 */
export function ordinalPointsOf(file: Pick<PabulibFile, "ordinalPoints">, chosen?: OrdinalPoints): OrdinalPointsChoice {
  if (chosen !== undefined) return { points: chosen, from: "option" };
  if (file.ordinalPoints !== undefined) return { points: file.ordinalPoints, from: "meta" };
  return { points: "reference", from: "default" };
}

export interface PabulibElection {
  election: Election;
  /**
   * Cost units per currency unit of the file: costs and budget are multiplied
   * by this to make them integers (1n for files with whole amounts).
   */
  scale: bigint;
  /** k used for top-k ordinal points. */
  topK?: number;
}

/** Converts a parsed file into an Election (integer costs, ballot points per the vote type). */
export function pabulibToElection(file: PabulibFile, options: PabulibElectionOptions = {}): PabulibElection {
  let scale = file.budget.d;
  for (const p of file.projects) scale = lcmBig(scale, p.cost.d);
  const toUnits = (r: Rational) => (r.n * scale) / r.d;
  const projects = file.projects.map((p) => ({ id: p.id, cost: toUnits(p.cost) }));
  let ballots: TallyBallot[];
  let topK: number | undefined;
  switch (file.voteType) {
    case "approval":
    case "choose-1":
      ballots = file.votes.map((v) => ({ ids: v.ids }));
      break;
    case "ordinal": {
      if (ordinalPointsOf(file, options.ordinalPoints).points === "top-k") {
        const maxLength = file.meta.find((e) => e.key.toLowerCase() === "max_length")?.value;
        const parsed = maxLength !== undefined ? Number.parseInt(maxLength, 10) : NaN;
        topK = Number.isFinite(parsed) && parsed > 0 ? parsed : Math.max(1, ...file.votes.map((v) => v.ids.length));
        const k = BigInt(topK);
        ballots = file.votes.map((v) => ({
          ids: v.ids,
          points: v.ids.map((_, j) => (k - BigInt(j) > 0n ? k - BigInt(j) : 0n)),
        }));
      } else {
        ballots = file.votes.map((v) => {
          const r = BigInt(v.ids.length);
          return { ids: v.ids, points: v.ids.map((_, j) => r - BigInt(j) - 1n) };
        });
      }
      break;
    }
    case "cumulative":
    case "scoring": {
      let pscale = 1n;
      for (const v of file.votes) for (const x of v.points ?? []) pscale = lcmBig(pscale, x.d);
      ballots = file.votes.map((v) => ({
        ids: v.ids,
        points: (v.points ?? []).map((x) => (x.n * pscale) / x.d),
      }));
      break;
    }
  }
  const election: Election = { budget: toUnits(file.budget), projects, ballots, currencyUnit: scale };
  const result: PabulibElection = { election, scale };
  if (topK !== undefined) result.topK = topK;
  return result;
}

/** Reads a `.pb` text straight into an Election. Throws PabulibError. */
export function readPabulibElection(input: string, options: PabulibElectionOptions & PabulibReadOptions = {}) {
  const file = parsePabulib(input, options);
  return { file, ...pabulibToElection(file, options) };
}

/** An amount in election cost units back in the file's currency (exact decimal text). */
export function formatUnits(amount: bigint, scale: bigint): string {
  return formatAmount(rat(amount, scale));
}
