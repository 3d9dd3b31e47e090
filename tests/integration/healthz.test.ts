import "./fresh-db";
import { describe, expect, it, vi } from "vitest";
import { dialect, prisma } from "~/db/client.server";
import { loader } from "~/routes/healthz";

describe("/healthz", () => {
  it("says ok after a query to the database", async () => {
    const res = await loader();
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ status: "ok", database: dialect });
  });

  it("answers 503 when the database does not answer", async () => {
    const spy = vi.spyOn(prisma, "$queryRaw").mockRejectedValueOnce(new Error("connection refused"));
    const res = await loader();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable" });
    spy.mockRestore();
  });
});
