import { hashPassword } from "~/auth.server";
import { audit } from "./audit.server";
import { prisma } from "./client.server";

export async function emailTaken(email: string) {
  return (await prisma.user.count({ where: { email: email.toLowerCase() } })) > 0;
}

export async function createResident(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email.toLowerCase(), passwordHash, roles: { create: [{ role: "resident" }] } },
    });
    await audit(tx, null, "user.signup", { type: "user", id: user.id });
    return user;
  });
}
