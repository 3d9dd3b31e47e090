// Production server: serves the built Remix app with static assets and safe headers.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const build = await import("./build/server/index.js");

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "true");
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
    strictTransportSecurity: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
  }),
);
// No form here is anywhere near 1 MB: refuse bigger bodies before they are parsed.
const MAX_BODY_BYTES = 1_000_000;
app.use((req, res, next) => {
  if (Number(req.headers["content-length"] ?? 0) <= MAX_BODY_BYTES) return next();
  req.resume(); // read and drop the body, so the client hears the answer
  req.on("end", () => res.status(413).type("text/plain").send("This form is too large to send. Shorten the text and try again."));
});
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }) }),
);

const server = app.listen(port, host, () => {
  console.log(`Civic Budget is running on http://localhost:${port}`);
});

// Finish in-flight requests before exiting.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
