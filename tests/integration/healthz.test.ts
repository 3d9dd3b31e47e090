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

  it("answers 503 naming the cause when the database lacks a migration of this release (a forgotten db:deploy)", async () => {
    const [newest] = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE migration_name = '${newest.migration_name}'`);
    try {
      const res = await loader();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", error: `database not migrated: 1 migration(s) missing (${newest.migration_name}); run npm run db:deploy` });
    } finally {
      await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = '${newest.migration_name}'`);
    }
    expect((await loader()).status).toBe(200);
  });
});
