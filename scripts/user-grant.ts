// npm run user:grant -- --email EMAIL --role admin|delegate|staff [--role …] [--name NAME] [--agency NAME [--lead]]
// The first PB office account of a real install, and every staff or delegate account after it: gives
// an account roles, making it when no account uses the address. The account gets a random password,
// printed once, and is signed out everywhere: an account that already existed may have been made by
// someone else with this address (anyone can sign up with any). Hand the password over, or let the person
// choose their own with "Forgot your password?". A new account is e-mailed a link to confirm its address,
// as at sign-up: follow e-mails wait for it. Staff need --agency (made when new); --lead lets them
// assign its work.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prisma } from "~/db/client.server";
import { grantRoles } from "~/db/users.server";
import { deliverOutbox } from "~/mail.server";
import { ROLES } from "~/domain/auth/roles";

const args = z
  .object({
    email: z.string().trim().email("--email must be an e-mail address"),
    name: z.string().trim().max(100).optional(),
    role: z.array(z.enum(ROLES, { errorMap: () => ({ message: `--role must be one of ${ROLES.join(", ")}` }) })).min(1, "give at least one --role"),
    agency: z.string().trim().min(2).max(100).optional(),
    lead: z.boolean().default(false),
  })
  .refine((a) => !a.role.includes("staff") || a.agency, { message: "staff belong to an agency: add --agency NAME", path: ["agency"] })
  .refine((a) => !a.lead || a.agency, { message: "--lead needs --agency", path: ["lead"] });

let values;
try {
  values = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true }, agency: { type: "string" }, lead: { type: "boolean" } } }).values;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const parsed = args.safeParse({ ...values, role: values.role ?? [] });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  console.error("usage: npm run user:grant -- --email EMAIL --role admin|delegate|staff [--name NAME] [--agency NAME [--lead]]");
  process.exit(2);
}
const { email, name, role, agency, lead } = parsed.data;
const password = randomBytes(12).toString("base64url");
const { created, user } = await grantRoles({ email, name: name || email.split("@")[0], roles: role, agency, lead, password });
console.log(`${user.email}: ${role.join(", ")}${agency ? ` of ${agency}${lead ? " (lead)" : ""}` : ""}`);
console.log(`${created ? "new account" : "existing account, signed out everywhere"}; its password, shown this once: ${password}`);
console.log(`(the person can choose their own with "Forgot your password?" on the sign-in page)`);
if (created) {
  await deliverOutbox();
  console.log(`a link to confirm the address was e-mailed to ${user.email}`);
}
await prisma.$disconnect();
