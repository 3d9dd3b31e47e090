// npm run restore -- FILE --yes: replaces everything in the database DATABASE_URL names with
// the backup FILE (made by npm run backup). Stop the app instances first. PostgreSQL restores
// in one transaction (pg_restore --clean --single-transaction). The backup's photos (<file>.photos/)
// are copied back into UPLOAD_DIR.
import { parseArgs } from "node:util";
import { env } from "~/env.server";
import { restore } from "./lib/backup";

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
await restore(env.DATABASE_URL, file, env.UPLOAD_DIR);
console.log(`restored ${file}`);
