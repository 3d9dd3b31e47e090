import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { decodeMessage } from "~/i18n/message";
import { saveTranslation } from "~/db/translations.server";
import * as details from "~/routes/admin.cycles.$slug_.details";
import { args, browserFor, makeCycle, makeUser } from "./fixtures";

// The PB office corrects a cycle after creating it: names any time, new districts and categories early.
describe("correcting a cycle's names, districts and categories", async () => {
  const admin = await makeUser(["admin"]);
  const office = await browserFor(admin);
  const post = (slug: string, form: Record<string, string>) => details.action(args(office.post(`/admin/cycles/${slug}/details`, form), { slug }));
  /** The form as the page sends it for a cycle made by makeCycle (North, South; Parks, Streets). */
  const formFor = (cycle: Awaited<ReturnType<typeof makeCycle>>, changes: Record<string, string> = {}) => ({
    name: cycle.name,
    description: "",
    ...Object.fromEntries(cycle.districts.flatMap((d, i) => [[`districts[${i}].id`, d.id], [`districts[${i}].name`, d.name]])),
    ...Object.fromEntries(cycle.categories.flatMap((c, i) => [[`categories[${i}].id`, c.id], [`categories[${i}].name`, c.name]])),
    ...changes,
  });
  const errorsOf = async (result: unknown) => {
    const reply = (result as { data: { error: Record<string, string[]> } }).data;
    return Object.fromEntries(Object.entries(reply.error ?? {}).map(([k, v]) => [k, v.map((m) => decodeMessage(m)?.key ?? m)]));
  };

  it("renames districts and categories (even swapping two names), and adds a district and categories while ideas are collected", async () => {
    const cycle = await makeCycle(admin, "ideas");
    const result = await post(cycle.slug, formFor(cycle, {
      name: "Riverside PB, corrected",
      description: "Now with a description.",
      "districts[0].name": "North Riverside",
      "categories[0].name": "Streets", // Parks ↔ Streets
      "categories[1].name": "Parks",
      newDistrictName: "Harbour",
      newDistrictBudget: "25,000",
      newCategories: "Schools\nLibraries",
    }));
    expect((result as Response).status).toBe(302);
    const saved = await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, include: { districts: { orderBy: { name: "asc" } }, categories: { orderBy: { name: "asc" } } } });
    expect(saved).toMatchObject({ name: "Riverside PB, corrected", description: "Now with a description.", slug: cycle.slug });
    expect(saved.districts.map((d) => [d.name, d.budgetCents])).toEqual([["Harbour", 25_000_00], ["North Riverside", 100_000_00], ["South", 50_000_00]]);
    // The ids kept their rows: what was filed under "Parks" is now under "Streets" and the other way round.
    expect(saved.categories.find((c) => c.id === cycle.categories[0].id)?.name).toBe("Streets");
    expect(saved.categories.map((c) => c.name)).toEqual(["Libraries", "Parks", "Schools", "Streets"]);
  });

  it("refuses duplicate names and a bad new budget next to the field, changing nothing", async () => {
    const cycle = await makeCycle(admin, "ideas");
    const result = await post(cycle.slug, formFor(cycle, {
      "districts[1].name": "north",
      "categories[1].name": "",
      newDistrictName: "Harbour",
      newDistrictBudget: "12.345",
      newCategories: "Parks",
    }));
    expect(await errorsOf(result)).toEqual({
      "districts[1].name": ["admin:errors.duplicateDistrict"],
      "categories[1].name": ["admin:errors.categoryEmpty"],
      newDistrictBudget: ["common:form.moneyDecimals"],
      newCategories: ["admin:errors.categoryExists"],
    });
    const districts = await prisma.district.findMany({ where: { cycleId: cycle.id }, orderBy: { name: "asc" } });
    expect(districts.map((d) => d.name)).toEqual(["North", "South"]);
  });

  it("once costing started, names can still be corrected but nothing can be added", async () => {
    const cycle = await makeCycle(admin, "voting");
    const refused = await post(cycle.slug, formFor(cycle, { newCategories: "Schools" }));
    expect(await errorsOf(refused)).toEqual({ "": ["admin:details.addingClosed"] });
    expect(await prisma.category.count({ where: { cycleId: cycle.id } })).toBe(2);
    const renamed = await post(cycle.slug, formFor(cycle, { "districts[0].name": "Northside" }));
    expect((renamed as Response).status).toBe(302);
    expect((await prisma.district.findUniqueOrThrow({ where: { id: cycle.districts[0].id } })).name).toBe("Northside");
  });

  it("removes a district or category nothing is filed under; one with an idea stays, and then nothing is saved", async () => {
    const cycle = await makeCycle(admin, "ideas");
    const [north, south] = cycle.districts;
    const [parks, streets] = cycle.categories;
    await prisma.idea.create({ data: { cycleId: cycle.id, number: 1, districtId: north.id, categoryId: parks.id, title: "Benches", description: "Benches along the river path." } });
    // The page offers removal only for what is unused.
    const page = (await details.loader(args(office.get(`/admin/cycles/${cycle.slug}/details`), { slug: cycle.slug }))) as unknown as { data: { removable: string[] } };
    expect(page.data.removable.sort()).toEqual([south.id, streets.id].sort());
    // A forged removal of North (it has an idea) is refused next to its name, and the rename beside it is not saved.
    const refused = await post(cycle.slug, formFor(cycle, { "districts[0].remove": "on", "districts[1].name": "South side" }));
    expect(await errorsOf(refused)).toEqual({ "districts[0].name": ["admin:details.districtInUse"] });
    expect((await prisma.district.findUniqueOrThrow({ where: { id: south.id } })).name).toBe("South");
    // Every district removed: refused, a cycle needs one.
    expect(await errorsOf(await post(cycle.slug, formFor(cycle, { "districts[0].remove": "on", "districts[1].remove": "on" })))).toEqual({ districts: ["admin:details.keepOneDistrict"] });
    const removed = await post(cycle.slug, formFor(cycle, { "districts[1].remove": "on", "categories[1].remove": "on" }));
    expect((removed as Response).status).toBe(302);
    expect(await prisma.district.findMany({ where: { cycleId: cycle.id }, select: { name: true } })).toEqual([{ name: "North" }]);
    expect(await prisma.category.findMany({ where: { cycleId: cycle.id }, select: { name: true } })).toEqual([{ name: "Parks" }]);
  });

  it("never renames another cycle's district or category, whatever ids the form sends", async () => {
    const mine = await makeCycle(admin, "ideas");
    const theirs = await makeCycle(admin, "ideas");
    await post(mine.slug, formFor(mine, { "districts[0].id": theirs.districts[0].id, "districts[0].name": "Taken over", "categories[0].id": theirs.categories[0].id, "categories[0].name": "Taken over" }));
    expect((await prisma.district.findUniqueOrThrow({ where: { id: theirs.districts[0].id } })).name).toBe("North");
    expect((await prisma.category.findUniqueOrThrow({ where: { id: theirs.categories[0].id } })).name).toBe("Parks");
    // Nor removes one.
    await post(mine.slug, formFor(mine, { "districts[1].id": theirs.districts[1].id, "districts[1].remove": "on" }));
    expect(await prisma.district.count({ where: { id: theirs.districts[1].id } })).toBe(1);
    // Nor takes its translation away.
    await saveTranslation({ type: "district", id: theirs.districts[0].id }, { locale: "es", title: "Norte", description: "" }, admin);
    await post(mine.slug, formFor(mine, { "districts[0].id": theirs.districts[0].id, "districts[0].name": "Taken over" }));
    expect(await prisma.contentTranslation.count({ where: { targetId: theirs.districts[0].id } })).toBe(1);
  });

  it("records the language a name was typed in: what is renamed or added on the Spanish page is Spanish, the rest keeps its own", async () => {
    const cycle = await makeCycle(admin, "ideas");
    const form = formFor(cycle, { "districts[0].name": "Norte", newCategories: "Bibliotecas" });
    expect(((await details.action(args(office.post(`/admin/cycles/${cycle.slug}/details?lng=es`, form), { slug: cycle.slug }))) as Response).status).toBe(302);
    const saved = await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id }, include: { districts: { orderBy: { name: "asc" } }, categories: { orderBy: { name: "asc" } } } });
    expect(saved.writtenIn).toBe("en"); // its name and description were sent unchanged
    expect(saved.districts.map((d) => [d.name, d.writtenIn])).toEqual([["Norte", "es"], ["South", "en"]]);
    expect(saved.categories.map((c) => [c.name, c.writtenIn])).toEqual([["Bibliotecas", "es"], ["Parks", "en"], ["Streets", "en"]]);
    await details.action(args(office.post(`/admin/cycles/${cycle.slug}/details?lng=es`, formFor(cycle, { name: "Presupuesto del río", "districts[0].name": "Norte" })), { slug: cycle.slug }));
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).writtenIn).toBe("es");
  });

  it("removes the translations of the names it changes, and says so; a translated name whose original is unchanged stays", async () => {
    const cycle = await makeCycle(admin, "voting");
    const [north, south] = cycle.districts;
    const es = (type: "cycle" | "district" | "category", id: string, title: string, description = "") => saveTranslation({ type, id }, { locale: "es", title, description }, admin);
    await es("district", north.id, "Norte");
    await es("district", south.id, "Sur");
    await es("category", cycle.categories[0].id, "Parques");
    await es("cycle", cycle.id, "PB de prueba", "Una descripción");
    const translated = async () =>
      Object.fromEntries((await prisma.contentTranslation.findMany({ where: { targetId: { in: [cycle.id, north.id, south.id, cycle.categories[0].id] } } })).map((t) => [t.targetId, [t.title, t.description]]));

    // Only the description changes: its translation goes, the cycle's translated name stays.
    await post(cycle.slug, formFor(cycle, { description: "A new description." }));
    expect((await translated())[cycle.id]).toEqual(["PB de prueba", ""]);

    const saved = await post(cycle.slug, formFor(cycle, { description: "A new description.", "districts[0].name": "Northside", "categories[0].name": "Green spaces" }));
    expect(await translated()).toEqual({ [south.id]: ["Sur", ""], [cycle.id]: ["PB de prueba", ""] });
    office.remember(saved as Response); // the notice travels in the session, as in a browser
    const page = (await details.loader(args(office.get(`/admin/cycles/${cycle.slug}/details`), { slug: cycle.slug }))) as unknown as { data: { saved: boolean; staleTranslations: number } };
    expect(page.data).toMatchObject({ saved: true, staleTranslations: 2 });
  });
});
