// Structured logs: one JSON object per line on standard output (pino), at LOG_LEVEL.
// server.js logs every request with its request id; errors the app hits carry the same id.
import pino from "pino";
import { env } from "~/env.server";

export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "civic-budget", pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
