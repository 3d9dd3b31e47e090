import "./fresh-db";
import { describe, expect, it, vi } from "vitest";

// The mail server, as it answers a mailbox that does not exist: nodemailer's JSON transport,
// but refusing addresses at "unknown.example" the way an SMTP server would.
vi.mock("nodemailer", async (importOriginal) => {
  const nodemailer = ((await importOriginal()) as { default: typeof import("nodemailer") }).default;
  return {
    default: {
      createTransport: (options: Parameters<typeof nodemailer.createTransport>[0]) => {
        const real = nodemailer.createTransport(options);
        return {
          sendMail: async (mail: { to: string }) => {
            if (mail.to.endsWith("@unknown.example")) throw new Error("550 mailbox unavailable");
            return real.sendMail(mail);
          },
        };
      },
    },
  };
});

const { prisma } = await import("~/db/client.server");
const { deliverOutbox } = await import("~/mail.server");

const queue = (n: number, tag: string) =>
  prisma.outboxMessage.createMany({
    data: Array.from({ length: n }, (_, i) => ({ to: `follower-${tag}-${i}@example.org`, subject: `News ${tag} ${i}`, text: "A milestone was reached." })),
  });
const unsent = () => prisma.outboxMessage.count({ where: { sentAt: null } });

describe("the outbox sends every e-mail queued, whenever it was queued", () => {
  it("mail saved while a sending pass is under way goes out too (it used to wait for the next change)", async () => {
    await queue(3, "first");
    const firstPass = deliverOutbox();
    // Saved after the pass read the waiting mail: only a later pass can see it.
    await queue(1, "late");
    const secondCall = deliverOutbox();
    await Promise.all([firstPass, secondCall]);
    expect(await unsent()).toBe(0);
    expect(await prisma.outboxMessage.findFirst({ where: { subject: "News late 0" } })).toMatchObject({ attempts: 1, lastError: "" });
  });

  it("more than one batch is sent in one call", async () => {
    await queue(230, "many");
    await deliverOutbox();
    expect(await unsent()).toBe(0);
  });

  it("a message that cannot be sent does not hold up the ones after it", async () => {
    await prisma.outboxMessage.create({ data: { to: "nobody@unknown.example", subject: "No address", text: "Cannot be sent.", createdAt: new Date(Date.now() - 60_000) } });
    await queue(150, "after-a-bad-one");
    await deliverOutbox();
    expect(await prisma.outboxMessage.count({ where: { subject: { startsWith: "News after-a-bad-one" }, sentAt: null } })).toBe(0);
    // Tried once in this pass, kept with its error for a later one.
    expect(await prisma.outboxMessage.findFirst({ where: { subject: "No address" } })).toMatchObject({ attempts: 1, sentAt: null, claimedAt: null, lastError: "550 mailbox unavailable" });
    await prisma.outboxMessage.deleteMany({ where: { subject: "No address" } });
  });

  it("mail another app instance is sending is left to it, unless it took it long ago (it may have died)", async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const other = await prisma.outboxMessage.create({ data: { to: "a@example.org", subject: "Being sent elsewhere", text: ".", attempts: 1, claimedAt: minutesAgo(0) } });
    const stale = await prisma.outboxMessage.create({ data: { to: "b@example.org", subject: "Taken by a dead instance", text: ".", attempts: 1, claimedAt: minutesAgo(10) } });
    await deliverOutbox();
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ sentAt: null, attempts: 1 });
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ sentAt: expect.any(Date), attempts: 2 });
  });
});
