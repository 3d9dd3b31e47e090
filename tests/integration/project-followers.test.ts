import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { postProjectUpdate, takeDownUpdate } from "~/db/projects.server";
import { fundedProject, makeUser } from "./fixtures";

describe("a backdated project update", async () => {
  const admin = await makeUser(["admin"]);
  const staff = await makeUser(["staff"], "Parks");
  const follower = await makeUser(["resident"]);
  const { project } = await fundedProject(admin, staff.agencyId!, "Pond benches");
  await prisma.follow.create({ data: { userId: follower.id, targetType: "project", targetId: project.id, locale: "en" } });

  it("joins the timeline without changing the status, and followers are not told of a status the project does not have", async () => {
    await postProjectUpdate(project.id, { status: "in_progress", percentComplete: 65, note: "The benches are being fixed in place.", postedOn: "2026-06-10" }, staff);
    await postProjectUpdate(project.id, { status: "delayed", percentComplete: 10, note: "Back in spring the order was late.", postedOn: "2026-03-01" }, staff);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ status: "in_progress", percentComplete: 65 });
    const mail = await prisma.outboxMessage.findMany({ where: { to: follower.email }, orderBy: { createdAt: "asc" } });
    expect(mail.map((m) => m.subject)).toEqual(["News about “Pond benches”: in progress", "A past entry on “Pond benches”"]);
    expect(mail[1].text).toContain("does not change where the project stands now");
    expect(mail[1].text).not.toMatch(/delayed|10% done/);
  });
});

describe("an update after one was taken down", async () => {
  const admin = await makeUser(["admin"]);
  const staff = await makeUser(["staff"], "Parks");
  const follower = await makeUser(["resident"]);
  const { project } = await fundedProject(admin, staff.agencyId!, "Pond lights");
  await prisma.follow.create({ data: { userId: follower.id, targetType: "project", targetId: project.id, locale: "en" } });

  it("is judged against the updates still shown: the newest shown sets the status and followers hear it as news", async () => {
    const wrong = await postProjectUpdate(project.id, { status: "completed", percentComplete: 100, note: "Posted on the wrong project by mistake.", postedOn: "2026-06-10" }, staff);
    expect((await takeDownUpdate(project.id, wrong.id, "Posted on the wrong project.", staff)).ok).toBe(true);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ status: "planned", percentComplete: 0 });
    await postProjectUpdate(project.id, { status: "delayed", percentComplete: 40, note: "The cables came late; lights go up in June.", postedOn: "2026-05-01" }, staff);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ status: "delayed", percentComplete: 40 });
    const subjects = (await prisma.outboxMessage.findMany({ where: { to: follower.email }, orderBy: { createdAt: "asc" } })).map((m) => m.subject);
    expect(subjects.at(-1)).toBe("News about “Pond lights”: delayed");
  });
});
