// GET /healthz for load balancers and monitoring: 200 {"status":"ok"} when the database
// answers a trivial query within 2 s, else 503. (While an instance shuts down, server.js
// answers 503 itself, so the balancer stops sending it new requests.)
import { dialect, pingDatabase } from "~/db/client.server";

const TIMEOUT_MS = 2_000;

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: "ok", database: dialect, dbMs: Math.round(performance.now() - started) }, { headers });
  } catch (error) {
    return Response.json({ status: "unavailable", database: dialect, error: "database unreachable" }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}
