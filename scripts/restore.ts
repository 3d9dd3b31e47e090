// npm run restore -- FILE --yes: replaces everything in the database DATABASE_URL names with
// the backup FILE (made by npm run backup). Stop the app instances first. PostgreSQL restores
// in one transaction (pg_restore --clean --single-transaction). The backup's photos (<file>.photos/)
// are copied back into UPLOAD_DIR, and its session secret (<file>.secret) into data/session-secret
// when SESSION_SECRET is not set (when it is, a different one is reported: set it before starting).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { env, GENERATED_SECRET_FILE, sessionSecret } from "~/env.server";
import { restore, secretOf } from "./lib/backup";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { yes: { type: "boolean" } } });
const [file] = positionals;
if (!file) {
  console.error("usage: npm run restore -- <backup file> --yes");
  process.exit(2);
}
if (!values.yes) {
  console.error(`This replaces every row of ${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")} with the backup ${file}. Stop the app, then add --yes.`);
  process.exit(2);
}
let secret: string | null;
try {
  secret = await restore(env.DATABASE_URL, file, env.UPLOAD_DIR);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`restored ${file}`);
if (secret === null) {
  console.error(`WARNING: no ${secretOf(file)} beside the backup. If ballots were waiting for the mix, start the app with the session secret in use when the backup was made, or they cannot be opened.`);
} else if (secret !== sessionSecret.trim()) {
  if (env.SESSION_SECRET) {
    console.error(
      `WARNING: the backup was made under another SESSION_SECRET. Before starting the app, set SESSION_SECRET to the content of ${secretOf(file)}, or add that content to SESSION_SECRETS_PREVIOUS: ballots waiting for the mix cannot be opened without it.`,
    );
    process.exitCode = 3;
  } else {
    writeFileSync(GENERATED_SECRET_FILE, secret, { mode: 0o600 });
    console.log(`session secret restored too (${GENERATED_SECRET_FILE})`);
  }
}
