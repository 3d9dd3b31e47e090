import { expect, test } from "@playwright/test";
import { query, shot, signIn } from "./helpers";

// The PB office brings in ideas collected on paper, from a spreadsheet saved on an office computer.

const HEADER = "title,description,district,category,location,source,source_note";
const row = (title: string) => `${title},"Escrito en la asamblea de marzo: señales claras cerca del parque, por favor.",Citywide,Parks & green space,,assembly,March assembly`;

test("the PB office imports ideas from a spreadsheet: a file in the wrong encoding is refused with how to fix it", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027/import-ideas");
  await expect(admin.getByText(/Up to 1000 rows and 900 KB, saved as CSV UTF-8/)).toBeVisible();

  // Excel's plain "CSV" on Windows: Windows-1252, where ñ and é are single bytes.
  const title = "Señales para niños en el Parque José";
  await admin.getByLabel("CSV file").setInputFiles({ name: "ideas.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${row(title)}\n`, "latin1") });
  await admin.getByRole("button", { name: "Check the file" }).click();
  await expect(admin.getByText(/This file is not saved as UTF-8/)).toBeVisible();
  await shot(admin, "import-not-utf8");

  // Saved again as "CSV UTF-8": checked, then imported, accents intact.
  await admin.getByLabel("CSV file").setInputFiles({ name: "ideas.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${HEADER}\n${row(title)}\n${row("Bancos a la sombra en el patio")}\n`, "utf8") });
  await admin.getByRole("button", { name: "Check the file" }).click();
  await expect(admin.getByText("2 rows: 2 ready to import, 0 with problems.")).toBeVisible();
  await admin.getByRole("button", { name: "Import 2 ideas" }).click();
  await expect(admin.getByText(/^Imported 2 ideas/)).toBeVisible();
  expect(query<{ title: string }>(`select title from Idea where title = ?`, title)).toHaveLength(1);
});

test("pasted rows with a quotation mark never closed are refused with the row named and the text kept, not imported short", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/cycles/youth-2027/import-ideas");
  const pasted = `${HEADER}\n${row("Fuente de agua en la cancha")}\nSwings,"Columpios nuevos,Citywide,Parks & green space,,assembly,\n${row("Sombra en la parada del autobús")}`;
  await admin.getByLabel("Or paste the rows here").fill(pasted);
  await admin.getByRole("button", { name: "Check the file" }).click();
  await expect(admin.getByText(/Row 3: The quotation marks \(".*\) in this row do not open and close a cell cleanly/)).toBeVisible();
  await expect(admin.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expect(admin.getByLabel("Or paste the rows here")).toHaveValue(pasted);
  await shot(admin, "import-unclosed-quote");
  expect(query(`select id from Idea where title = ?`, "Fuente de agua en la cancha")).toHaveLength(0);
});
