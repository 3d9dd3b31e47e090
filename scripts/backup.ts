// npm run backup [-- --out FILE]: a consistent copy of the database in DATABASE_URL, while the
// app runs. SQLite: online backup to a .db file; PostgreSQL: pg_dump custom format (.dump).
// Default file: $BACKUP_DIR/civic-budget-<UTC time>.db|.dump (BACKUP_DIR defaults to data/backups);
// the photos of project updates (UPLOAD_DIR) are copied beside it, into <file>.photos/, and the
// session secret into <file>.secret (ballots waiting for the mix cannot be opened without it).
import { parseArgs } from "node:util";
import { env, secretSource, sessionSecret } from "~/env.server";
import { backup, defaultBackupFile, secretOf } from "./lib/backup";

const { values } = parseArgs({ options: { out: { type: "string" } } });
let file: string;
try {
  // A secret this run just made is not the app's: saving it would point a later restore at the wrong one.
  file = await backup(env.DATABASE_URL, values.out ?? defaultBackupFile(env.DATABASE_URL, env.BACKUP_DIR), env.UPLOAD_DIR, secretSource === "new" ? undefined : sessionSecret);
} catch (error) {
  console.error(`no backup written: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`backup written: ${file}`);
if (secretSource === "new") {
  console.error("WARNING: no SESSION_SECRET here and no data/session-secret, so the backup carries no session secret. Run the backup with the app's SESSION_SECRET.");
} else {
  console.log(`session secret written beside it: ${secretOf(file)} (keep it as safe as the backup: it opens ballots waiting for the mix)`);
}
