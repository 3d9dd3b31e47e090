import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { MAX_IMPORT_BYTES } from "~/domain/ideas/import";
import { decodeMessage } from "~/i18n/message";
import { action as importAction, loader as importLoader } from "~/routes/admin.cycles.$slug_.import-ideas";
import { loader as templateLoader } from "~/routes/admin.cycles.$slug_.ideas-template[.csv]";
import { answerOf, args, browserFor, makeCycle, makeUser, settle } from "./fixtures";

type Answer = { error: string | null; csv: string; check: { rows: { row: number; problems: unknown[] }[]; valid: unknown[] } | null };

describe("the PB office imports ideas collected on paper", async () => {
  const admin = await makeUser(["admin"]);
  const cycle = await makeCycle(admin, "ideas");
  const url = `/admin/cycles/${cycle.slug}/import-ideas`;
  const params = { slug: cycle.slug };
  const HEADER = "title,description,district,category,location,source,source_note";
  const rows = [
    'Shade trees at the bus stop,"Waiting for the bus in summer is brutal; plant trees, please.",North,Parks,Elm St,assembly,March assembly',
    'Lights on the footbridge,"It is dark at night and people avoid the bridge after six.",South,Streets,,paper,',
  ];
  const bad = "Hi,short,Nowhere,Parks,,,";
  const ideaCount = () => prisma.idea.count({ where: { cycleId: cycle.id } });

  it("shows every row with its problems and saves nothing when checking", async () => {
    const browser = await browserFor(admin);
    const { httpStatus, reply } = answerOf<Answer>(await importAction(args(browser.post(url, { intent: "check", csv: [HEADER, ...rows, bad].join("\n") }), params)));
    expect(httpStatus).toBe(400);
    expect(reply.check!.rows.map((r) => [r.row, r.problems.length > 0])).toEqual([[2, false], [3, false], [4, true]]);
    expect(reply.csv).toContain("Nowhere"); // the file comes back, so the admin can fix it in place
    expect(await ideaCount()).toBe(0);
  });

  it("will not leave rows behind unless the admin says so, then imports all the good rows in one go", async () => {
    const browser = await browserFor(admin);
    const csv = [HEADER, ...rows, bad].join("\n");
    const refused = answerOf<Answer>(await importAction(args(browser.post(url, { intent: "import", csv }), params)));
    expect(refused.httpStatus).toBe(400);
    expect(decodeMessage(refused.reply.error!)).toEqual({ key: "imports:confirmSkip", values: { count: 1 } });
    expect(await ideaCount()).toBe(0);

    const done = (await settle(() => importAction(args(browser.post(url, { intent: "import", csv, skipInvalid: "yes" }), params)))) as Response;
    expect(done.headers.get("Location")).toBe(`${url}?imported=2&first=1&last=2`);
    const ideas = await prisma.idea.findMany({ where: { cycleId: cycle.id }, orderBy: { number: "asc" } });
    expect(ideas.map((i) => [i.number, i.title, i.source, i.sourceNote, i.authorId])).toEqual([
      [1, "Shade trees at the bus stop", "assembly", "March assembly", null],
      [2, "Lights on the footbridge", "paper", "", null],
    ]);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "ideas.import", targetId: cycle.id } });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.parse(entry.detail)).toEqual({ count: 2, first: 1, last: 2 });
  });

  it("brings in nothing twice when the same file is imported again", async () => {
    const browser = await browserFor(admin);
    const again = answerOf<Answer>(await importAction(args(browser.post(url, { intent: "import", csv: [HEADER, ...rows].join("\n"), skipInvalid: "yes" }), params)));
    expect(again.httpStatus).toBe(400);
    expect(decodeMessage(again.reply.error!)?.key).toBe("imports:noValidRows");
    expect(await ideaCount()).toBe(2);
  });

  it("reads an uploaded file", async () => {
    const browser = await browserFor(admin);
    const form = new FormData();
    form.set("csrf", browser.token);
    form.set("intent", "check");
    form.set("file", new File([[HEADER, rows[0].replace("Shade", "More shade")].join("\n")], "ideas.csv", { type: "text/csv" }));
    const base = browser.get(url);
    const request = new Request(base.url, { method: "POST", body: form, headers: { Cookie: base.headers.get("Cookie")! } });
    const { httpStatus, reply } = answerOf<Answer>(await importAction(args(request, params)));
    expect(httpStatus).toBe(200);
    expect(reply.check!.valid).toHaveLength(1);
  });

  const upload = async (bytes: Uint8Array<ArrayBuffer> | string) => {
    const browser = await browserFor(admin);
    const form = new FormData();
    form.set("csrf", browser.token);
    form.set("intent", "check");
    form.set("file", new File([bytes], "ideas.csv", { type: "text/csv" }));
    return answerOf<Answer>(await importAction(args(browser.postMultipart(url, form, { csrf: false }), params)));
  };

  it("refuses a file not saved as UTF-8 (Excel's plain CSV on Windows) instead of importing its accents garbled", async () => {
    // "Señales para niños en el Parque José" in Windows-1252: ñ is 0xF1, é is 0xE9.
    const latin1 = Uint8Array.from(Buffer.from(`${HEADER}\nSe\u00f1ales para ni\u00f1os en el Parque Jos\u00e9,"Se\u00f1ales claras cerca del parque infantil, por favor.",North,Parks,,paper,\n`, "latin1"));
    const refused = await upload(latin1);
    expect(refused.httpStatus).toBe(400);
    expect(decodeMessage(refused.reply.error!)?.key).toBe("imports:notUtf8");
    expect(refused.reply.check).toBeNull();
    // Saved as "CSV UTF-8" (with its BOM), or as Excel's "Unicode text" (UTF-16, tab-separated), it reads right.
    const title = "Se\u00f1ales para ni\u00f1os en el Parque Jos\u00e9";
    const utf8 = await upload(`\uFEFF${HEADER}\n${title},"Se\u00f1ales claras cerca del parque infantil, por favor.",North,Parks,,paper,\n`);
    expect(utf8.reply.check!.valid).toEqual([expect.objectContaining({ title })]);
    const tabs = `${HEADER.replaceAll(",", "\t")}\n${title}\tSe\u00f1ales claras cerca del parque infantil, por favor.\tNorth\tParks\t\tpaper\t\n`;
    const utf16 = await upload(Uint8Array.from([0xff, 0xfe, ...Buffer.from(tabs, "utf16le")]));
    expect(utf16.reply.check!.valid).toEqual([expect.objectContaining({ title })]);
    expect(await ideaCount()).toBe(2);
  });

  it("says how large a file may be, rather than failing on it", async () => {
    const big = `${HEADER}\n${`${rows[0]}\n`.repeat(Math.ceil(MAX_IMPORT_BYTES / rows[0].length))}`;
    const refused = await upload(big);
    expect(refused.httpStatus).toBe(400);
    expect(decodeMessage(refused.reply.error!)).toEqual({ key: "imports:tooLarge", values: { kb: 900, max: 1000 } });
    // Pasted into the box instead: the same answer, and nothing imported.
    const before = await ideaCount();
    const pasted = answerOf<Answer>(await importAction(args((await browserFor(admin)).post(url, { intent: "import", csv: big, skipInvalid: "yes" }), params)));
    expect(pasted.httpStatus).toBe(400);
    expect(decodeMessage(pasted.reply.error!)?.key).toBe("imports:tooLarge");
    expect(await ideaCount()).toBe(before);
  });

  it("refuses residents, delegates and staff, and refuses everyone once proposals are being costed", async () => {
    for (const roles of [["resident"], ["delegate"], ["staff"]] as const) {
      const browser = await browserFor(await makeUser([...roles], roles[0] === "staff" ? "Parks Department" : undefined));
      expect(((await settle(() => importLoader(args(browser.get(url), params)))) as Response).status).toBe(403);
      const post = await settle(() => importAction(args(browser.post(url, { intent: "import", csv: [HEADER, rows[0]].join("\n"), skipInvalid: "yes" }), params)));
      expect((post as Response).status).toBe(403);
      expect(((await settle(() => templateLoader(args(browser.get(`/admin/cycles/${cycle.slug}/ideas-template.csv`), params)))) as Response).status).toBe(403);
    }
    const costing = await makeCycle(admin, "costing");
    const browser = await browserFor(admin);
    const late = await settle(() => importLoader(args(browser.get(`/admin/cycles/${costing.slug}/import-ideas`), { slug: costing.slug })));
    expect((late as Response).status).toBe(403);
    expect(await ideaCount()).toBe(2);
  });

  it("offers a template with this cycle's districts and categories", async () => {
    const browser = await browserFor(admin);
    const response = (await templateLoader(args(browser.get(`/admin/cycles/${cycle.slug}/ideas-template.csv`), params))) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so spreadsheet programs read it as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(HEADER);
    expect(text).toContain(",North,Parks,");
  });
});
