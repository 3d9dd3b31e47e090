// Production server: serves the built Remix app with static assets and safe headers,
// JSON request logs with a request id, /healthz, and a graceful shutdown.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { bodyLimit, tooLargeMessage } from "./server/body-limits.js";

// Every relative path (the build's assets, data/, a DATABASE_URL of file:./…) is the project folder's,
// wherever the service manager started the process.
process.chdir(path.dirname(fileURLToPath(import.meta.url)));

// Importing the build checks the environment (app/env.server.ts): a bad value stops here.
const build = await import("./build/server/index.js");
const { env, logger, disconnectDatabase, pingDatabase } = build.entry.module;

// A database that does not answer (a wrong password or address in DATABASE_URL) or lacks this
// release's migrations stops the server here, saying so, rather than serving an error on every page.
try {
  const { missingMigrations } = await Promise.race([
    pingDatabase(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 15 s")), 15_000).unref()),
  ]);
  if (missingMigrations.length > 0) {
    logger.fatal(`The database lacks ${missingMigrations.length} migration(s) of this release (${missingMigrations.join(", ")}): run npm run db:deploy, then start again.`);
    process.exit(1);
  }
} catch (error) {
  logger.fatal({ err: error }, "The database does not answer: check DATABASE_URL (address, user, password) and that the database server runs.");
  process.exit(1);
}

let shuttingDown = false;
const app = express();
app.disable("x-powered-by");
// One hop: the address the reverse proxy saw. Trusting every hop would take the left-most
// X-Forwarded-For entry, which the client writes itself (and so escape every rate limit).
app.set("trust proxy", env.TRUST_PROXY ? 1 : false);
// A request id per request: the proxy's X-Request-Id when it sends a sane one, else a new one.
// It is in every log line of the request and in the response's X-Request-Id.
app.use(
  pinoHttp({
    logger,
    genReqId(req, res) {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
      req.headers["x-request-id"] = id;
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // The 503 that tells the balancer an instance is draining is expected, not an error.
    customLogLevel: (req, res, error) =>
      error || (res.statusCode >= 500 && !(shuttingDown && req.url === "/healthz")) ? "error" : res.statusCode >= 400 ? "warn" : "info",
    // No headers or cookies in the logs; the path without its query string.
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: req.url.split("?")[0], remoteAddress: req.remoteAddress }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    // Not the health checks (every few seconds) nor the build's hashed assets (a score per page view).
    autoLogging: { ignore: (req) => (req.url === "/healthz" && !shuttingDown) || req.url.startsWith("/assets/") },
  }),
);
app.use(compression());
// A fresh nonce per response: only scripts the server wrote itself may run.
app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "style-src": ["'self'"],
        // Progress bars and charts set sizes in style attributes.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: env.NODE_ENV === "production" && env.COOKIE_SECURE !== false,
  }),
);
// While shutting down: the balancer hears 503 from /healthz, and kept-alive clients are told to reconnect.
app.use((req, res, next) => {
  if (!shuttingDown) return next();
  res.setHeader("Connection", "close");
  if (req.path === "/healthz") return res.status(503).json({ status: "shutting-down" });
  next();
});
app.use((req, res, next) => {
  const asked = { method: req.method, path: req.path, contentType: req.headers["content-type"] };
  const limit = bodyLimit(asked);
  // A body sent in chunks has no length to check in advance (browsers always send one with a
  // form): it is read and dropped, then refused with 411; past the size limit the connection
  // is simply cut.
  if (req.headers["transfer-encoding"] !== undefined && req.headers["content-length"] === undefined) {
    let seen = 0;
    req.on("data", (chunk) => {
      seen += chunk.length;
      if (seen > limit) req.destroy();
    });
    req.on("end", () => res.status(411).type("text/plain").send("Send the form with its length (a Content-Length header)."));
    return;
  }
  if (Number(req.headers["content-length"] ?? 0) <= limit) return next();
  req.resume(); // read and drop the body, so the client hears the answer
  req.on("end", () => res.status(413).type("text/plain").send(tooLargeMessage(asked)));
});
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip, requestId: req.id }) }),
);

// Settings a real install needs but that have a default good only for trying the app out.
if (env.NODE_ENV === "production") {
  if (!process.env.PUBLIC_URL) logger.warn(`PUBLIC_URL is not set: links in e-mails point to ${env.PUBLIC_URL}`);
  if (!env.SMTP_URL) logger.warn("SMTP_URL is not set: e-mails (password links too) are written to data/outbox instead of being sent");
}

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info({ port: env.PORT, database: env.DATABASE_URL.split(":")[0] }, `Civic Budget is running on http://localhost:${env.PORT}`);
});

// Graceful shutdown: stop accepting connections, let the requests in flight finish (up to
// SHUTDOWN_TIMEOUT_MS), close the database, exit 0. A second signal exits at once.
function shutdown(signal) {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal: exiting now");
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal }, "shutting down: finishing requests in flight");
  const force = setTimeout(() => {
    logger.error({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, "requests still running at the shutdown timeout: closing them");
    server.closeAllConnections();
  }, env.SHUTDOWN_TIMEOUT_MS);
  force.unref();
  // Idle kept-alive connections would hold close() open: close them now and as requests end.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.close(async () => {
    clearInterval(idle);
    clearTimeout(force);
    try {
      await disconnectDatabase();
    } catch (error) {
      logger.error({ err: error }, "closing the database failed");
    }
    logger.info("stopped");
    logger.flush?.();
    process.exit(0);
  });
  server.closeIdleConnections();
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown(signal));
