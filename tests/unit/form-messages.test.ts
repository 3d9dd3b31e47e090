import { describe, expect, it } from "vitest";
import { signupInput } from "~/domain/accounts/schema";
import { generateCodesInput } from "~/domain/cycles/codes-schema";
import { inWords } from "../english";

// Every refusal a person can cause is a translated message, not zod's English default
// ("String must contain at most 80 character(s)") on a Spanish page.
const firstError = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }, field: string) =>
  result.error?.issues.find((i) => i.path[0] === field)?.message ?? "";

describe("too-long text is refused in the reader's words", () => {
  it("a name over 80 characters at sign-up", () => {
    const result = signupInput.safeParse({ name: "María José ".repeat(9), email: "maria@example.org", password: "long enough password" });
    expect(inWords(firstError(result, "name"), "es")).toBe("Escriba un nombre de 80 caracteres como máximo (basta con el nombre de pila).");
    expect(inWords(firstError(result, "name"))).toBe("Keep your name to 80 characters or fewer (a first name is fine).");
  });

  it("a voter-code batch label over 100 characters", () => {
    const result = generateCodesInput.safeParse({ districtId: "d1", count: "10", label: "x".repeat(101) });
    expect(inWords(firstError(result, "label"), "es")).toBe("Use como máximo 100 caracteres.");
  });
});
