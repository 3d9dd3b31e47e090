import "./fresh-db";
import "./upload-dir";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import type { Actor } from "~/domain/auth/roles";
import { deliverOutbox } from "~/mail.server";
import { action as followAction } from "~/routes/follows";
import * as projectPage from "~/routes/projects.$id";
import { args, browserFor, fundedProject, makeUser, settle } from "./fixtures";

// Amounts in the tests below are in euros: en-US writes "€6,000.50", es-US "EUR 6,000.50" (with a no-break space).
const EUR_ES = (amount: string) => `EUR\u00a0${amount}`;

describe("e-mails to a project's followers: milestones done or delayed, spending recorded or withdrawn", async () => {
  const admin = await makeUser(["admin", "resident"]);
  const parks = await makeUser(["staff"], "Parks Department");
  const english = await makeUser(["resident"]);
  const spanish = await makeUser(["resident"]);
  const neighbour = await makeUser(["resident"]); // follows, then stops
  const { cycle, project } = await fundedProject(admin, parks.agencyId!);
  await prisma.cycle.update({ where: { id: cycle.id }, data: { currency: "EUR" } });
  const url = `/projects/${project.id}`;
  const staff = await browserFor(parks);
  const act = async (form: Record<string, string>) => {
    const answer = (await settle(() => projectPage.action(args(staff.post(url, form), { id: project.id })))) as Response;
    expect(answer.status, form.intent).toBe(302);
    await deliverOutbox();
  };
  const follow = async (who: Actor, lng: string, yes = true) => {
    const answer = (await followAction(args((await browserFor(who)).post(`/follows?lng=${lng}`, { targetType: "project", targetId: project.id, follow: yes ? "yes" : "no" })))) as Response;
    expect(answer.status).toBe(302);
  };
  await follow(english, "en");
  await follow(spanish, "es");
  await follow(neighbour, "en");
  await follow(neighbour, "en", false);

  // The mail queued since the last look, to one person.
  const seen = new Set<string>();
  const newMail = async () => {
    const fresh = (await prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } })).filter((m) => !seen.has(m.id));
    for (const m of fresh) seen.add(m.id);
    return (who: Actor) => fresh.filter((m) => m.to === who.email).map((m) => ({ subject: m.subject, text: m.text, sent: m.sentAt !== null }));
  };
  const milestone = async (title: string) => (await prisma.projectMilestone.findFirstOrThrow({ where: { projectId: project.id, title } })).id;

  it("a milestone marked done: each follower hears it in their language, with the dates and the link; nobody else does", async () => {
    await act({ intent: "milestone-add", title: "Site survey", plannedOn: "2026-03-01" });
    expect((await newMail())(english)).toEqual([]); // a new milestone, not done: nothing to tell

    await act({ intent: "milestone-done", milestoneId: await milestone("Site survey"), actualOn: "2026-03-10" });
    const to = await newMail();
    expect(to(english)).toEqual([
      {
        subject: "“Riverside playground”: Site survey is done",
        text: expect.stringContaining("the milestone “Site survey” was done on March 10, 2026 (planned for March 1, 2026)."),
        sent: true,
      },
    ]);
    expect(to(english)[0].text).toMatch(new RegExp(`See it here: https?://[^/\\s]+${url}\\n`));
    expect(to(spanish)).toEqual([
      {
        subject: "«Riverside playground»: Site survey se cumplió",
        text: expect.stringContaining("el hito «Site survey» se cumplió el 10 de marzo de 2026 (estaba previsto para el 1 de marzo de 2026)."),
        sent: true,
      },
    ]);
    expect(to(neighbour)).toEqual([]);
    expect(to(parks)).toEqual([]);
  });

  it("a milestone added already done, or edited to give it a date done, is told as done", async () => {
    await act({ intent: "milestone-add", title: "Trees felled", plannedOn: "2026-03-15", actualOn: "2026-03-14" });
    expect((await newMail())(english).map((m) => m.subject)).toEqual(["“Riverside playground”: Trees felled is done"]);
    await act({ intent: "milestone-add", title: "Fence up", plannedOn: "2026-03-20" });
    await act({ intent: "milestone-edit", milestoneId: await milestone("Fence up"), title: "Fence up", plannedOn: "2026-03-20", actualOn: "2026-03-22" });
    const to = await newMail();
    expect(to(english).map((m) => m.subject)).toEqual(["“Riverside playground”: Fence up is done"]);
    expect(to(neighbour)).toEqual([]);
  });

  it("a planned date moved later: both dates in each follower's language; a new title, an earlier date or a corrected date done say nothing", async () => {
    await act({ intent: "milestone-add", title: "Opening", plannedOn: "2027-06-01" });
    const opening = await milestone("Opening");
    await act({ intent: "milestone-edit", milestoneId: opening, title: "Opening", plannedOn: "2027-09-15" });
    const to = await newMail();
    expect(to(english)).toEqual([
      {
        subject: "“Riverside playground”: Opening moved to September 15, 2027",
        text: expect.stringContaining("the milestone “Opening” moved from June 1, 2027 to September 15, 2027."),
        sent: true,
      },
    ]);
    expect(to(spanish)).toEqual([
      {
        subject: "«Riverside playground»: Opening pasa al 15 de septiembre de 2027",
        text: expect.stringContaining("el hito «Opening» pasó del 1 de junio de 2027 al 15 de septiembre de 2027."),
        sent: true,
      },
    ]);
    expect(to(spanish)[0].text).toMatch(/^Hola, Test resident \d+:/);
    expect(to(neighbour)).toEqual([]);

    await act({ intent: "milestone-edit", milestoneId: opening, title: "Opening day", plannedOn: "2027-09-15" });
    await act({ intent: "milestone-edit", milestoneId: opening, title: "Opening day", plannedOn: "2027-08-01" });
    const survey = await milestone("Site survey");
    await act({ intent: "milestone-edit", milestoneId: survey, title: "Site survey", plannedOn: "2026-03-01", actualOn: "2026-03-11" });
    await act({ intent: "milestone-done", milestoneId: survey, actualOn: "2026-03-12" });
    expect((await newMail())(english)).toEqual([]);
    expect((await prisma.projectMilestone.findUniqueOrThrow({ where: { id: opening } })).plannedOn).toBe("2027-08-01");
  });

  it("a milestone dropped from the plan: followers hear which, when it was planned, and why", async () => {
    await act({ intent: "milestone-add", title: "Splash pad", plannedOn: "2027-05-01" });
    await newMail();
    await act({ intent: "milestone-drop", milestoneId: await milestone("Splash pad"), reason: "The water connection costs more than the whole project." });
    const to = await newMail();
    expect(to(english)).toEqual([
      {
        subject: "“Riverside playground”: Splash pad dropped from the plan",
        text: expect.stringContaining("the milestone “Splash pad” (planned for May 1, 2027) was dropped from the plan. The reason given: The water connection costs more than the whole project."),
        sent: true,
      },
    ]);
    expect(to(spanish)).toEqual([{ subject: "«Riverside playground»: Splash pad se descartó del plan", text: expect.stringContaining("(previsto para el 1 de mayo de 2027) se descartó del plan."), sent: true }]);
    expect(to(neighbour)).toEqual([]);
  });

  it("spending recorded: the amount, and what is spent of the budget, as each follower's language writes money", async () => {
    await act({ intent: "spend-add", spentOn: "2026-05-01", amount: "6000.50", description: "Swings and slide", reference: "INV-2026-041" });
    const to = await newMail();
    expect(to(english)).toEqual([{ subject: "“Riverside playground”: €6,000.50 spent", text: expect.stringContaining("€6,000.50 on May 1, 2026: Swings and slide"), sent: true }]);
    expect(to(english)[0].text).toContain("€6,000.50 spent of the €10,000 budget so far.");
    expect(to(spanish)).toEqual([
      { subject: `«Riverside playground»: ${EUR_ES("6,000.50")} gastado`, text: expect.stringContaining(`${EUR_ES("6,000.50")} el 1 de mayo de 2026: Swings and slide`), sent: true },
    ]);
    expect(to(spanish)[0].text).toContain(`Hasta ahora: ${EUR_ES("6,000.50")} gastado de un presupuesto de ${EUR_ES("10,000")}.`);
    expect(to(neighbour)).toEqual([]);
  });

  it("spending withdrawn: the entry, the reason, and what still counts", async () => {
    await act({ intent: "spend-add", spentOn: "2026-05-03", amount: "4500", description: "Safety surfacing" });
    await newMail();
    const entry = await prisma.projectSpend.findFirstOrThrow({ where: { projectId: project.id, description: "Safety surfacing" } });
    await act({ intent: "spend-withdraw", spendId: entry.id, reason: "Invoice entered on the wrong project" });
    const to = await newMail();
    expect(to(english)).toEqual([
      { subject: "“Riverside playground”: a spending entry of €4,500 was withdrawn", text: expect.stringContaining("€4,500 on May 3, 2026: Safety surfacing"), sent: true },
    ]);
    expect(to(english)[0].text).toContain("The reason: Invoice entered on the wrong project");
    expect(to(english)[0].text).toContain("€6,000.50 spent of the €10,000 budget so far."); // the withdrawn entry no longer counts
    expect(to(spanish)).toEqual([
      { subject: `«Riverside playground»: se retiró un gasto de ${EUR_ES("4,500")}`, text: expect.stringContaining("El motivo: Invoice entered on the wrong project"), sent: true },
    ]);
    expect(to(neighbour)).toEqual([]);
  });

  it("a progress update still gives its date in the follower's language", async () => {
    await act({ intent: "update", status: "in_progress", percentComplete: "40", postedOn: "2026-06-02", note: "The swings are in; surfacing next week." });
    const to = await newMail();
    expect(to(spanish)[0].text).toContain("se actualizó el 2 de junio de 2026");
    expect(to(english)[0].text).toContain("was updated on June 2, 2026");
    expect(to(neighbour)).toEqual([]);
  });

  it("names the project in the follower's language where its proposal was translated, and as written once renamed", async () => {
    await prisma.contentTranslation.create({
      data: { targetType: "proposal", targetId: project.proposalId, locale: "es", title: "Parque infantil junto al río", description: "Un parque infantil." },
    });
    await act({ intent: "update", status: "in_progress", percentComplete: "50", postedOn: "2026-06-09", note: "Surfacing done." });
    let to = await newMail();
    expect(to(spanish)[0].subject).toContain("«Parque infantil junto al río»");
    expect(to(english)[0].subject).toContain("“Riverside playground”");
    // Renamed after the vote: the translation is of another title, so the new title as written.
    await prisma.project.update({ where: { id: project.id }, data: { title: "Riverside playground and fitness corner" } });
    await act({ intent: "update", status: "in_progress", percentComplete: "60", postedOn: "2026-06-16", note: "Fitness corner next." });
    to = await newMail();
    expect(to(spanish)[0].subject).toContain("«Riverside playground and fitness corner»");
  });
});
