// Fails when a shipped language misses a key, when code uses a key English lacks (or no code uses
// an English key), or when a translation drops a value the English text shows ({{cost}}, {{count}}…).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, localeName, NAMESPACES } from "~/i18n/config";
import { decodeMessage, message } from "~/i18n/message";
import { inWords } from "../english";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const keys = (locale: string, ns: string) =>
  flatten(JSON.parse(readFileSync(`app/locales/${locale}/${ns}.json`, "utf8")) as Tree);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "locales") return [];
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("translations", () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: every language has every English key, non-empty, with the same values to fill in`, () => {
      const english = keys("en", ns);
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        const other = keys(locale, ns);
        for (const [key, text] of english) {
          const base = key.replace(PLURAL, "");
          // Plural forms differ by language: Spanish may add _many; every language needs _other.
          const found = other.get(key) ?? (PLURAL.test(key) ? other.get(`${base}_other`) : undefined);
          expect(found, `${locale}/${ns}.json lacks "${key}"`).toBeTruthy();
          expect(variables(found!), `${locale}/${ns}.json "${key}" fills in different values`).toEqual(variables(text));
        }
        for (const key of other.keys()) {
          const base = key.replace(PLURAL, "");
          expect(english.has(key) || english.has(`${base}_other`), `${locale}/${ns}.json has "${key}", which English lacks`).toBe(true);
        }
      }
    });
  }

  it("no text leaves a link empty: <Trans> puts a tag's own content (none in <a></a>) in place of the link's", () => {
    for (const locale of LOCALES)
      for (const ns of NAMESPACES)
        for (const [key, text] of keys(locale, ns)) {
          expect(/<(\w+)><\/\1>/.test(text), `${locale}/${ns}.json "${key}" has an empty <tag></tag>; write <tag/>`).toBe(false);
        }
  });

  it("every key the code names exists in English", () => {
    const english = new Map(NAMESPACES.map((ns) => [ns, keys("en", ns)]));
    const pattern = new RegExp(`["'\`]((?:${NAMESPACES.join("|")}):[A-Za-z0-9_.]+)["'\`]`, "g");
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles("app")) {
      for (const match of readFileSync(file, "utf8").matchAll(pattern)) {
        used++;
        const [ns, key] = match[1].split(":") as [string, string];
        const table = english.get(ns as (typeof NAMESPACES)[number])!;
        if (!table.has(key) && !table.has(`${key}_other`)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(used).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it("every English key is used by the code: a text nobody shows is a text translators keep up for nothing", () => {
    // The only keys built at run time: a project's status inside the followers' e-mails ($t(follows:status.{{status}}))
    // and the greedy comparison on the results page (`greedyInstead${by}`).
    const BUILT = ["follows:status.", "results:district.greedyInstead", "results:district.greedyWithout", "results:district.greedyAlso"];
    const code = sourceFiles("app").map((file) => readFileSync(file, "utf8")).join("\n");
    // Written whole between quotes: "ideas:merge.mergedInto" is not used because "ideas:merge.mergedIntoHidden" is.
    const written = new Set([...code.matchAll(new RegExp(`["'\`]((?:${NAMESPACES.join("|")}):[A-Za-z0-9_.]+)["'\`]`, "g"))].map((m) => m[1]));
    const unused = NAMESPACES.flatMap((ns) =>
      [...keys("en", ns).keys()].map((key) => `${ns}:${key.replace(PLURAL, "")}`).filter((key) => !written.has(key) && !BUILT.some((b) => key.startsWith(b))),
    );
    expect([...new Set(unused)]).toEqual([]);
  });

  it("domain messages carry their values through forms and error pages", () => {
    const text = message("vote:errors.overBudget", { cost: "$1,200", budget: "$1,000" });
    expect(decodeMessage(text)).toEqual({ key: "vote:errors.overBudget", values: { cost: "$1,200", budget: "$1,000" } });
    expect(decodeMessage("Plain words: not a key.")).toBeNull();
  });

  it("numbers inside a text are written as the page writes them (es-US in Spanish), not by the bare language", () => {
    const text = message("costing:errors.totalTooLarge", { max: 20_000_000 });
    expect(inWords(text, "es")).toBe("Este presupuesto suma más de 20,000,000, demasiado para ser correcto: revise las cantidades y los costos unitarios.");
    expect(inWords(text, "en")).toContain("more than 20,000,000,");
  });
});

describe("a language's name", () => {
  it("is the language's own name, and a code this release does not ship is shown as stored", () => {
    expect(["es", "en", "fr"].map(localeName)).toEqual(["Español", "English", "fr"]);
  });
});
