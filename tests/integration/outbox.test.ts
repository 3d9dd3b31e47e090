import "./fresh-db";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { deliverOutbox } from "~/mail.server";

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
});
