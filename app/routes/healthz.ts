// GET /healthz for load balancers and monitoring: 200 {"status":"ok"} when the database answers
// within 2 s and has every migration this release ships, else 503 saying which. (While an instance
// shuts down, server.js answers 503 itself, so the balancer stops sending it new requests.)
import { dialect, pingDatabase } from "~/db/client.server";

const TIMEOUT_MS = 2_000;

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let answer: { missingMigrations: string[] };
  try {
    answer = await Promise.race([
      pingDatabase(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
  } catch {
    return Response.json({ status: "unavailable", database: dialect, error: "database unreachable" }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
  if (answer.missingMigrations.length > 0) {
    const missing = answer.missingMigrations;
    return Response.json(
      { status: "unavailable", database: dialect, error: `database not migrated: ${missing.length} migration(s) missing (${missing.join(", ")}); run npm run db:deploy` },
      { status: 503, headers },
    );
  }
  return Response.json({ status: "ok", database: dialect, dbMs: Math.round(performance.now() - started) }, { headers });
}
