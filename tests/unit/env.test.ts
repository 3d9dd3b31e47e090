import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("the environment", () => {
  it("has working defaults for the embedded install", () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      DATABASE_URL: "file:./data/civic-budget.db",
      DATABASE_POOL_SIZE: 10,
      TRUST_PROXY: false,
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_MS: 25000,
      BACKUP_DIR: "data/backups",
    });
  });

  it("reads numbers and booleans, and counts an empty variable as unset", () => {
    const env = parseEnv({ PORT: "8080", TRUST_PROXY: "true", COOKIE_SECURE: "false", DATABASE_POOL_SIZE: "25", LOG_LEVEL: "" });
    expect(env).toMatchObject({ PORT: 8080, TRUST_PROXY: true, COOKIE_SECURE: false, DATABASE_POOL_SIZE: 25, LOG_LEVEL: "info" });
  });

  it("links e-mails to the port the app listens on unless PUBLIC_URL says otherwise", () => {
    expect(parseEnv({}).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "3304" }).PUBLIC_URL).toBe("http://localhost:3304");
    expect(parseEnv({ PORT: "3304", PUBLIC_URL: "https://budget.example.org" }).PUBLIC_URL).toBe("https://budget.example.org");
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ SESSION_SECRETS_PREVIOUS: `${"x".repeat(40)},short` })).toThrow(/SESSION_SECRETS_PREVIOUS/);
    expect(parseEnv({ SESSION_SECRETS_PREVIOUS: ` ${"a".repeat(32)} , ${"b".repeat(32)} ` }).SESSION_SECRETS_PREVIOUS).toEqual(["a".repeat(32), "b".repeat(32)]);
  });

  it("requires one SESSION_SECRET for all instances in production on PostgreSQL", () => {
    const pg = { NODE_ENV: "production", DATABASE_URL: "postgresql://civic@db.internal:5432/civic" };
    expect(() => parseEnv(pg)).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ ...pg, SESSION_SECRET: "x".repeat(40) }).DATABASE_URL).toBe(pg.DATABASE_URL);
    expect(parseEnv({ NODE_ENV: "production" }).NODE_ENV).toBe("production"); // SQLite: a secret is made once in data/
  });
});

describe("dates and money in e-mails", async () => {
  const { dateIn, moneyIn } = await import("~/i18n/i18n.server");
  it("are written as the follower's language writes them, not as 2026-11-26", () => {
    expect(dateIn("en", "2026-11-26")).toBe("November 26, 2026");
    expect(dateIn("es", "2026-11-26")).toBe("26 de noviembre de 2026");
    expect(dateIn("fr", "2026-11-26")).toBe("November 26, 2026"); // an unknown language: the default
  });
  it("and so are amounts", () => {
    expect(moneyIn("en", 6_000_50, "EUR")).toBe("€6,000.50");
    expect(moneyIn("es", 6_000_50, "EUR")).toBe("EUR\u00a06,000.50");
    expect(moneyIn("fr", 10_000_00, "USD")).toBe("$10,000");
  });
});
