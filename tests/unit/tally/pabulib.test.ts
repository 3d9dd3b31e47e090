import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  PabulibError,
  pabulibToElection,
  parsePabulib,
  ordinalPointsOf,
  readPabulibElection,
  tryParsePabulib,
  writePabulib,
  type PabulibFile,
} from "~/domain/tally/pabulib";
import { rat } from "~/domain/tally/rational";

const DATA = path.resolve(process.cwd(), "../shared/data/pabulib");

const lines = (...l: string[]) => l.join("\n") + "\n";

const APPROVAL = lines(
  "META",
  "key;value",
  "description;Test",
  "num_projects;3",
  "num_votes;3",
  "budget;100",
  "vote_type;approval",
  "PROJECTS",
  "project_id;cost;votes;name;category",
  "1;60;2;Park benches;environment",
  "2;30;2;Library;culture",
  "10;25;1;Bike racks;mobility",
  "VOTES",
  "voter_id;vote;age;sex",
  "v1;1,2;34;F",
  "v2;1,10;;M",
  "v3;2;51;",
);

/** The line number of a PabulibError thrown by parsing `text`. */
function errorOf(text: string): PabulibError {
  const r = tryParsePabulib(text);
  if (r.ok) throw new Error("expected a parse error");
  expect(r.error).toBeInstanceOf(PabulibError);
  return r.error;
}

describe("pabulib reader", () => {
  it("reads META, PROJECTS and VOTES with extra columns", () => {
    const f = parsePabulib(APPROVAL);
    expect(f.voteType).toBe("approval");
    expect(f.budget).toEqual(rat(100));
    expect(f.meta.map((e) => e.key)).toEqual(["description", "num_projects", "num_votes", "budget", "vote_type"]);
    expect(f.projectColumns).toEqual(["project_id", "cost", "votes", "name", "category"]);
    expect(f.projects[2]).toEqual({ id: "10", cost: rat(25), extra: { votes: "1", name: "Bike racks", category: "mobility" } });
    expect(f.votes[1]).toEqual({ voterId: "v2", ids: ["1", "10"], extra: { age: "", sex: "M" } });
    expect(f.warnings).toBeUndefined();
  });

  it("copes with BOM, CRLF / CR / mixed line endings, blank lines, case and spaces in section titles", () => {
    const text = "\uFEFF" + APPROVAL.replace(/\n/g, "\r\n").replace("PROJECTS\r\n", "  projects \r\n\r\n\r\n").replace("VOTES\r\n", "Votes\r");
    const f = parsePabulib(text);
    expect(f.projects.map((p) => p.id)).toEqual(["1", "2", "10"]);
    expect(f.votes.map((v) => v.voterId)).toEqual(["v1", "v2", "v3"]);
  });

  it("handles quotes: doubled quotes, semicolons inside, and a quote closing mid-field", () => {
    const f = parsePabulib(
      lines(
        "META",
        "key;value",
        'acknowledgments;"A ""quoted"" title; with a semicolon"',
        "budget;100",
        "vote_type;approval",
        "PROJECTS",
        "project_id;cost;name",
        '47;12000;"Odkupmy" i my - zakup koszy',
        '48;1;say "hi" twice',
        'x;2;"multi',
        'line"',
        "VOTES",
        "voter_id;vote",
        "1;47",
      ),
    );
    expect(f.meta[0].value).toBe('A "quoted" title; with a semicolon');
    expect(f.projects[0].extra.name).toBe("Odkupmy i my - zakup koszy");
    expect(f.projects[1].extra.name).toBe('say "hi" twice');
    expect(f.projects[2].extra.name).toBe("multi\nline");
  });

  it("reads decimal budgets and costs exactly, and scales them to integer units", () => {
    const text = APPROVAL.replace("budget;100", "budget;100.5").replace("1;60;", "1;60.25;").replace("2;30;", "2;30.0;");
    const f = parsePabulib(text);
    expect(f.budget).toEqual(rat(201, 2));
    const { election, scale } = pabulibToElection(f);
    expect(scale).toBe(4n);
    expect(election.budget).toBe(402n);
    expect(election.projects.map((p) => p.cost)).toEqual([241n, 120n, 100n]);
    expect(election.currencyUnit).toBe(4n);
    // a budget written with a decimal comma is accepted too
    expect(parsePabulib(APPROVAL.replace("budget;100", "budget;100,5")).budget).toEqual(rat(201, 2));
  });

  it("reads ordinal ballots with reference Borda or top-k points", () => {
    const text = lines(
      "META",
      "key;value",
      "budget;10",
      "vote_type;ordinal",
      "max_length;3",
      "PROJECTS",
      "project_id;cost",
      "a;1",
      "b;1",
      "c;1",
      "VOTES",
      "voter_id;vote",
      "1;b,a,c",
      "2;c",
    );
    const ref = pabulibToElection(parsePabulib(text)).election;
    expect(ref.ballots).toEqual([
      { ids: ["b", "a", "c"], points: [2n, 1n, 0n] },
      { ids: ["c"], points: [0n] },
    ]);
    const topk = pabulibToElection(parsePabulib(text), { ordinalPoints: "top-k" });
    expect(topk.topK).toBe(3);
    expect(topk.election.ballots).toEqual([
      { ids: ["b", "a", "c"], points: [3n, 2n, 1n] },
      { ids: ["c"], points: [3n] },
    ]);
  });

  it("reads cumulative and scoring ballots with points (decimal points scaled)", () => {
    const text = lines(
      "META",
      "key;value",
      "budget;10",
      "vote_type;cumulative",
      "PROJECTS",
      "project_id;cost",
      "a;4",
      "b;6",
      "VOTES",
      "voter_id;vote;points",
      "1;a,b;2,1",
      "2;b;0.5",
      "3;;",
    );
    const f = parsePabulib(text);
    expect(f.votes[1].points).toEqual([rat(1, 2)]);
    expect(f.votes[2]).toEqual({ voterId: "3", ids: [], points: [], extra: {} });
    expect(pabulibToElection(f).election.ballots).toEqual([
      { ids: ["a", "b"], points: [4n, 2n] },
      { ids: ["b"], points: [1n] },
      { ids: [], points: [] },
    ]);
    expect(parsePabulib(text.replace("cumulative", "scoring")).voteType).toBe("scoring");
  });

  it("treats choose-1 as approval ballots of length 1, and counts a repeated approval once", () => {
    const c1 = parsePabulib(APPROVAL.replace("vote_type;approval", "vote_type;choose-1").replace("v1;1,2", "v1;1").replace("v2;1,10", "v2;10"));
    expect(pabulibToElection(c1).election.ballots).toEqual([{ ids: ["1"] }, { ids: ["10"] }, { ids: ["2"] }]);
    const repeated = parsePabulib(APPROVAL.replace("v1;1,2", "v1;1,2,1"));
    expect(repeated.votes[0].ids).toEqual(["1", "2"]);
    expect(repeated.warnings).toEqual([{ line: 15, message: 'project_id "1" is listed twice in one vote (counted once)' }]);
  });

  it("warns when a project's votes column disagrees with the vote rows (one of them was edited or cut)", () => {
    const f = parsePabulib(APPROVAL.replace("1;60;2;Park benches", "1;60;999;Park benches"));
    expect(f.warnings).toEqual([{ line: 10, message: 'project "1" says 999 votes but 2 vote rows list it' }]);
    expect(parsePabulib(APPROVAL).warnings).toBeUndefined();
  });

  it("warns (without failing) when num_votes does not match", () => {
    const f = parsePabulib(APPROVAL.replace("num_votes;3", "num_votes;4"));
    expect(f.warnings).toEqual([{ line: 5, message: "num_votes is 4 but the file has 3 vote rows" }]);
  });
});

describe("pabulib reader errors name the line", () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ["text before META", "hello\n" + APPROVAL, 1, /before the first section/],
    ["missing VOTES", APPROVAL.slice(0, APPROVAL.indexOf("VOTES")), 12, /missing VOTES/],
    ["misspelt section title", APPROVAL.replace("PROJECTS\n", "PROJECT\n"), 8, /"PROJECT" is not a section title \(expected META, PROJECTS or VOTES\); no PROJECTS section was found/],
    ["misspelt in lower case", APPROVAL.replace("PROJECTS\n", "project\n"), 8, /"project" is not a section title/],
    ["vote row cut short", APPROVAL.replace("v3;2;51;", "v3"), 17, /vote row ends before its "vote" column/],
    ["voter twice", APPROVAL.replace("v3;2;51;", "v1;2;51;"), 17, /voter_id "v1" already voted on line 15/],
    ["repeated section", APPROVAL + "PROJECTS\n", 18, /PROJECTS section appears twice/],
    ["META line without value", APPROVAL.replace("description;Test", "description"), 3, /key;value/],
    ["missing budget", APPROVAL.replace("budget;100\n", ""), 1, /no budget/],
    ["bad budget", APPROVAL.replace("budget;100", "budget;lots"), 6, /budget must be a non-negative number/],
    ["unknown vote type", APPROVAL.replace("vote_type;approval", "vote_type;quadratic"), 7, /unknown vote_type/],
    ["no cost column", APPROVAL.replace("project_id;cost;votes", "project_id;price;votes"), 9, /no "cost" column/],
    ["duplicate project", APPROVAL.replace("10;25;1;", "2;25;1;"), 12, /already used on line 11/],
    ["bad cost", APPROVAL.replace("2;30;", "2;30 PLN;"), 11, /cost must be a number/],
    ["negative cost", APPROVAL.replace("2;30;", "2;-30;"), 11, /negative/],
    ["too many fields", APPROVAL.replace("Library;culture", "Library;culture;oops"), 11, /5 columns/],
    ["unknown project in a vote", APPROVAL.replace("v3;2;", "v3;7;"), 17, /unknown project_id "7"/],
    ["unterminated quote", APPROVAL.replace("Library", '"Library'), 11, /never closed/],
    ["choose-1 with two projects", APPROVAL.replace("vote_type;approval", "vote_type;choose-1"), 15, /choose-1 vote lists 2/],
  ];
  for (const [label, text, line, message] of cases) {
    it(label, () => {
      const e = errorOf(text);
      expect(e.line).toBe(line);
      expect(e.detail).toMatch(message);
      expect(e.message).toBe(`line ${line}: ${e.detail}`);
      expect(() => parsePabulib(text)).toThrow(PabulibError);
    });
  }

  const POINTS = lines(
    "META",
    "key;value",
    "budget;10",
    "vote_type;cumulative",
    "PROJECTS",
    "project_id;cost",
    "a;4",
    "b;6",
    "VOTES",
    "voter_id;vote;points",
    "1;a,b;2,1",
  );
  it("points count mismatch", () => {
    expect(errorOf(POINTS.replace("1;a,b;2,1", "1;a,b;2")).line).toBe(11);
  });
  it("points that are not numbers", () => {
    expect(errorOf(POINTS.replace("1;a,b;2,1", "1;a,b;2,x")).detail).toMatch(/points must be numbers/);
  });
  it("cumulative votes without a points column", () => {
    const e = errorOf(POINTS.replace("voter_id;vote;points", "voter_id;vote").replace("1;a,b;2,1", "1;a,b"));
    expect(e.line).toBe(11);
    expect(e.detail).toMatch(/needs points/);
  });
  it("an ordinal ballot ranking a project twice", () => {
    const e = errorOf(POINTS.replace("cumulative", "ordinal").replace("voter_id;vote;points", "voter_id;vote").replace("1;a,b;2,1", "1;a,b,a"));
    expect(e).toMatchObject({ line: 11, code: "vote" });
  });
  it("counts physical lines across CRLF, blank lines and multi-line quoted fields", () => {
    const text = APPROVAL.replace("PROJECTS\n", "PROJECTS\n\n")
      .replace(/\n/g, "\r\n")
      .replace("Park benches", '"Park\r\nbenches"')
      .replace("v3;2;", "v3;99;");
    // 17 originally, +1 blank line, +1 line inside the quoted name
    expect(errorOf(text).line).toBe(19);
  });
  it("never throws anything but a PabulibError", () => {
    for (const junk of ["", ";;;", '"', "META", "META\nbudget;1\nvote_type;approval\nPROJECTS\nVOTES\n", "\u0000\u0001"]) {
      const r = tryParsePabulib(junk);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(PabulibError);
    }
  });
});

describe("pabulib writer", () => {
  const roundTrip = (f: PabulibFile) => {
    const again = parsePabulib(writePabulib(f));
    const strip = ({ warnings: _w, ...rest }: PabulibFile) => rest;
    expect(strip(again)).toEqual(strip(f));
    return again;
  };

  it("round-trips a file with quotes, decimals and extra columns", () => {
    const text = lines(
      "META",
      "key;value",
      'comment;"a; b ""c"""',
      "budget;100.50",
      "vote_type;cumulative",
      "PROJECTS",
      "project_id;cost;name;selected",
      '1;60.25;"Odkupmy" i my;1',
      "2;30;  spaced  ;0",
      "VOTES",
      "voter_id;vote;points;voting_method",
      "a;1,2;3,4;paper",
      "b;;;internet",
    );
    const f = parsePabulib(text);
    const written = writePabulib(f);
    expect(written).toContain('comment;"a; b ""c"""');
    expect(written).toContain("budget;100.50"); // the original text is kept when it has the same value
    expect(written).toContain("1;60.25;Odkupmy i my;1");
    roundTrip(f);
    expect(writePabulib(f, { lineEnding: "\r\n" })).toMatch(/^META\r\nkey;value\r\n/);
  });

  it("writes a file built in code (our exports)", () => {
    const f: PabulibFile = {
      meta: [
        { key: "description", value: "Civic Budget 2025" },
        { key: "max_length", value: "3" },
      ],
      voteType: "ordinal",
      budget: rat(12345, 100),
      projectColumns: ["project_id", "cost", "name"],
      projects: [
        { id: "p1", cost: rat(100), extra: { name: "Trees; lots of them" } },
        { id: "p2", cost: rat(2345, 100), extra: { name: "Benches" } },
      ],
      voteColumns: ["voter_id", "vote"],
      votes: [{ voterId: "1", ids: ["p2", "p1"], extra: {} }],
    };
    const text = writePabulib(f, { counts: true });
    expect(text).toContain("budget;123.45");
    expect(text).toContain("vote_type;ordinal");
    expect(text).toContain("num_votes;1");
    expect(text).toContain('p1;100;"Trees; lots of them"');
    const again = parsePabulib(text);
    expect(again.projects).toEqual(f.projects);
    expect(again.votes).toEqual(f.votes);
    const e = pabulibToElection(again, { ordinalPoints: "top-k" });
    expect(e.topK).toBe(3);
    expect(e.election.ballots[0].points).toEqual([3n, 2n]);
  });

  const files = existsSync(DATA) ? readdirSync(DATA).filter((f) => f.endsWith(".pb")) : [];
  it.skipIf(files.length === 0)(`round-trips every real file in ${DATA} (read → write → read)`, () => {
    for (const name of files) {
      const f = parsePabulib(readFileSync(path.join(DATA, name), "utf8"));
      const again = roundTrip(f);
      expect(again.votes.length, name).toBe(f.votes.length);
    }
  }, 60000);

  it.skipIf(files.length === 0)("reads every real file into an election", () => {
    for (const name of files) {
      const { file, election } = readPabulibElection(readFileSync(path.join(DATA, name), "utf8"));
      expect(election.projects.length, name).toBe(file.projects.length);
      expect(election.ballots.length, name).toBe(Number(file.meta.find((e) => e.key === "num_votes")?.value ?? election.ballots.length));
    }
  }, 60000);
});

describe("pabulib reader checks votes against the file's ballot limits (the app's checkBallot)", () => {
  const withMeta = (extra: string[], votes: string[], voteType = "approval") =>
    lines(
      "META",
      "key;value",
      "budget;100",
      `vote_type;${voteType}`,
      "currency;EUR",
      ...extra,
      "PROJECTS",
      "project_id;cost",
      "1;60",
      "2;30",
      "10;25",
      "VOTES",
      "voter_id;vote",
      ...votes,
    );
  // Line of the k-th vote (1-based) when META has `extra.length` extra lines.
  const voteLine = (extra: number, k: number) => 12 + extra + k;

  it("approval: too many projects (max_length), naming the line and the voter", () => {
    const e = errorOf(withMeta(["max_length;2"], ["a;1,2", "b;1,2,10"]));
    expect(e).toMatchObject({ line: voteLine(1, 2), code: "vote" });
    expect(e.detail).toMatch(/vote of voter "b" breaks the file's ballot rules: Choose at most 2 projects; you chose 3/);
  });

  it("approval: too few projects (min_length), and an empty vote when a minimum is set", () => {
    expect(errorOf(withMeta(["min_length;2"], ["a;1,2", "b;10"])).detail).toMatch(/Choose at least 2 projects; you chose 1/);
    const empty = errorOf(withMeta(["min_length;1"], ["a;1", "b;"]));
    expect(empty.line).toBe(voteLine(1, 2));
    expect(empty.detail).toMatch(/Choose at least one project/);
  });

  it("an empty vote is fine where the file sets no minimum; no limits, no check", () => {
    expect(parsePabulib(withMeta(["max_length;2"], ["a;1", "b;"])).votes).toHaveLength(2);
    expect(parsePabulib(withMeta([], ["a;1,2,10", "b;"])).votes).toHaveLength(2);
  });

  it("knapsack: a vote over max_sum_cost, with the amounts in the file's currency", () => {
    const e = errorOf(withMeta(["max_sum_cost;80"], ["a;2,10", "b;1,2"]));
    expect(e.line).toBe(voteLine(1, 2));
    expect(e.detail).toMatch(/costs €90, which is €10 over the district budget of €80/);
    // Our own knapsack exports say so in META: the budget is the limit.
    expect(errorOf(withMeta(["ballot;knapsack"], ["a;1,2,10"])).detail).toMatch(/over the district budget of €100/);
  });

  it("ordinal: more ranks than max_length, fewer than min_length", () => {
    const more = errorOf(withMeta(["max_length;2"], ["a;1,2", "b;2,1,10"], "ordinal"));
    expect(more.line).toBe(voteLine(1, 2));
    expect(more.detail).toMatch(/rank at most 2 projects; you ranked 3/);
    const fewer = errorOf(withMeta(["min_length;2", "max_length;3"], ["a;10"], "ordinal"));
    expect(fewer.detail).toMatch(/ranks 1 project; the file asks for at least 2/);
  });

  it("warn mode reads the vote and reports it as a warning with its line; off does not check", () => {
    const text = withMeta(["max_length;2"], ["a;1,2", "b;1,2,10"]);
    const f = parsePabulib(text, { ballotLimits: "warn" });
    expect(f.votes).toHaveLength(2);
    expect(f.warnings).toEqual([{ line: voteLine(1, 2), message: expect.stringMatching(/counted anyway\): Choose at most 2 projects/) }]);
    expect(parsePabulib(text, { ballotLimits: "off" }).warnings).toBeUndefined();
    expect(tryParsePabulib(text, { ballotLimits: "warn" }).ok).toBe(true);
  });

  it("an unknown currency code does not turn into an exception", () => {
    const text = withMeta(["max_sum_cost;80"], ["a;1,2,10"]).replace("currency;EUR", "currency;złoty");
    expect(errorOf(text).detail).toMatch(/over the district budget/);
  });

  const files = existsSync(DATA) ? readdirSync(DATA).filter((f) => f.endsWith(".pb")) : [];
  it.skipIf(files.length === 0)("every reference file keeps its own declared limits (strict reading passes, no warnings)", () => {
    for (const name of files) {
      const text = readFileSync(path.join(DATA, name), "utf8");
      expect(tryParsePabulib(text).ok, name).toBe(true);
      const warned = parsePabulib(text, { ballotLimits: "warn" }).warnings ?? [];
      expect(warned.filter((w) => /ballot rules/.test(w.message)), name).toEqual([]);
    }
  }, 60000);
});

describe("META ordinal_points: the points a file's ranked ballots were counted with", () => {
  // Greedy over 3 projects of cost 1 with a budget of 2. Top-k (k = 2): a 4, b 2, c 6 → a, c.
  // Reference Borda: a 2, b 0, c 0 → a, then b before c on the tie → a, b.
  const ranked = (...meta: string[]) =>
    lines("META", "key;value", "budget;2", "vote_type;ordinal", "max_length;2", ...meta, "PROJECTS", "project_id;cost", "a;1", "b;1", "c;1", "VOTES", "voter_id;vote", "1;a,b", "2;a,b", "3;c", "4;c", "5;c");
  const totals = (f: PabulibFile, chosen?: "reference" | "top-k") => {
    const totals: Record<string, bigint> = {};
    for (const b of pabulibToElection(f, { ordinalPoints: chosen }).election.ballots) {
      b.ids.forEach((id, j) => (totals[id] = (totals[id] ?? 0n) + b.points![j]));
    }
    return totals;
  };

  it("counts a file that says ordinal_points;top-k with top-k points unless the caller chooses", () => {
    const f = parsePabulib(ranked("ordinal_points;top-k"));
    expect(f.ordinalPoints).toBe("top-k");
    expect(ordinalPointsOf(f)).toEqual({ points: "top-k", from: "meta" });
    expect(totals(f)).toEqual({ a: 4n, b: 2n, c: 6n });
    // An explicit choice still wins.
    expect(ordinalPointsOf(f, "reference")).toEqual({ points: "reference", from: "option" });
    expect(totals(f, "reference")).toEqual({ a: 2n, b: 0n, c: 0n });
    expect(parsePabulib(ranked("ordinal_points; Reference ")).ordinalPoints).toBe("reference");
  });

  it("keeps reference points for a file that does not say (real Pabulib files)", () => {
    const f = parsePabulib(ranked());
    expect(f.ordinalPoints).toBeUndefined();
    expect(ordinalPointsOf(f)).toEqual({ points: "reference", from: "default" });
    expect(totals(f)).toEqual({ a: 2n, b: 0n, c: 0n });
  });

  it("refuses any other value, naming its line, unless the caller chose the points", () => {
    const text = ranked("ordinal_points;borda");
    const e = errorOf(text);
    expect([e.line, e.code, e.detail]).toEqual([6, "meta", 'ordinal_points must be reference or top-k, found "borda"']);
    const chosen = parsePabulib(text, { ordinalPoints: "top-k" });
    expect(chosen.warnings).toEqual([{ line: 6, message: 'ordinal_points must be reference or top-k, found "borda" (not used: the points were chosen explicitly)' }]);
    expect(totals(chosen, "top-k")).toEqual({ a: 4n, b: 2n, c: 6n });
    // Only ranked ballots have points to choose: an approval file's ordinal_points is just kept.
    expect(tryParsePabulib(APPROVAL.replace("vote_type;approval", "vote_type;approval\nordinal_points;borda")).ok).toBe(true);
  });

  it("keeps ordinal_points and unknown META keys when reading and writing", () => {
    const f = parsePabulib(ranked("ordinal_points;top-k", "our_own_key;kept as written"));
    const written = writePabulib(f);
    expect(written).toContain("max_length;2\nordinal_points;top-k\nour_own_key;kept as written\n");
    expect(parsePabulib(written)).toEqual(f);
    // A file built in code says it through ordinalPoints: the writer adds the META line.
    const built = writePabulib({ ...f, meta: f.meta.filter((m) => m.key !== "ordinal_points") });
    expect(built).toContain("ordinal_points;top-k");
    expect(parsePabulib(built).ordinalPoints).toBe("top-k");
  });
});
