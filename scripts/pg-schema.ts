// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (npm run db:pg-schema).
import { writeFileSync } from "node:fs";
import { PG_SCHEMA, generatedPostgresSchema } from "./lib/pg-schema";

writeFileSync(PG_SCHEMA, generatedPostgresSchema());
console.log(`wrote ${PG_SCHEMA}`);
