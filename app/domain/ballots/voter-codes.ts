import { randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH, formatVoterCode } from "./code-format";

export { CODE_ALPHABET, CODE_LENGTH, formatVoterCode, inGroupsOfFour, namesVoterCode, normaliseVoterCode } from "./code-format";

/** A fresh voter code, grouped for reading aloud: "ACDE-FGHJ-KMNP". */
export function generateVoterCode(): string {
  let raw = "";
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatVoterCode(raw);
}
