import "./fresh-db";
import { describe, expect, it } from "vitest";
import { loader as ballotLoader } from "~/routes/vote.ballot";
import { action as codeAction } from "~/routes/vote._index";
import { answerOf, args, browserFor, settle, votingCycle } from "./fixtures";

// A fixed ballot order favours the projects listed first; a random order per voter spreads
// that effect, and a stable one keeps a voter's ballot from reshuffling under their thumb.
describe("the order of projects on the ballot", async () => {
  const { proposalIds, codes } = await votingCycle({ proposals: 6 });

  async function ballotOrderFor(code: string) {
    const voter = await browserFor(null);
    voter.remember((await settle(() => codeAction(args(voter.post("/vote", { code }))))) as Response);
    const load = async () => answerOf<{ options: { id: string }[] }>(await ballotLoader(args(voter.get("/vote/ballot")))).reply.options.map((o) => o.id);
    return { first: await load(), reload: await load() };
  }

  it("is the same for a voter on every load, and differs between voters", async () => {
    const orders: string[][] = [];
    for (const code of codes) {
      const { first, reload } = await ballotOrderFor(code.code);
      expect(reload).toEqual(first);
      expect([...first].sort()).toEqual([...proposalIds].sort());
      orders.push(first);
    }
    // Six voters, 720 possible orders: all six alike would mean the order is not per voter.
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
  });
});
