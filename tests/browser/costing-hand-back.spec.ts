import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

// Transportation is sent a proposal that is not its work. Its staff (not the lead) hand it back with a
// reason; the PB office finds it waiting with no agency and sends it on.

test("agency staff hand back a proposal that is not their work; the PB office reads why and sends it to an agency", async ({ browser }) => {
  const transport = await signIn(browser, "transport");
  await transport.goto("/costing");
  await transport.getByTestId("costing-waiting").getByRole("row", { name: /Speed cushions on School Lane/ }).getByRole("link", { name: "Cost it" }).click();
  await transport.getByRole("link", { name: "Not your agency's work? Hand it back to the PB office" }).click();
  // Too short a reason is refused by the field, the words kept.
  await transport.getByLabel("Why it is not your agency's work").fill("No.");
  await transport.getByRole("button", { name: "Hand it back" }).click();
  await expect(transport.getByLabel("Why it is not your agency's work")).toHaveAccessibleDescription(/at least 10 characters/);
  await transport.getByLabel("Why it is not your agency's work").fill("School Lane is a private road of the school district: its facilities team does traffic calming there.");
  await transport.getByRole("button", { name: "Hand it back" }).click();
  await expect(transport.getByText(/is handed back to the PB office\./)).toBeVisible();
  await expect(transport.getByRole("row", { name: /Speed cushions on School Lane/ })).toHaveCount(0);
  await shot(transport, "costing-handed-back");
  // Said once; a reload does not say it again, and no link can make the page say it.
  await transport.reload();
  await expect(transport.getByText(/is handed back to the PB office\./)).toHaveCount(0);
  await transport.goto("/costing?handedBack=7&title=Pay%20the%20bearer&assigned=7&to=Nobody");
  await expect(transport.getByText(/handed back|Pay the bearer|Nobody/)).toHaveCount(0);

  const admin = await signIn(browser, "admin");
  await admin.goto("/costing");
  const row = admin.getByTestId("costing-waiting").getByRole("row", { name: /Speed cushions on School Lane/ });
  await expect(row).toContainText("1 message between delegates and staff");
  await row.getByRole("link", { name: "1 message between delegates and staff" }).click();
  await expect(admin.locator("#questions")).toContainText("its facilities team does traffic calming there");
  // Sent on (back to Transportation here, so the demo stays as it was).
  await admin.goto("/costing");
  await row.getByRole("link", { name: "Assign to an agency" }).click();
  await admin.getByLabel("Agency").selectOption({ label: "Transportation" });
  await admin.getByRole("button", { name: /Assign/ }).click();
  await expect(admin.getByText(/is now with Transportation\./)).toBeVisible();
  await transport.context().close();
  await admin.context().close();
});
