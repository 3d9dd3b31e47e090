import Papa from "papaparse";

/**
 * Rows as CSV for a spreadsheet. A cell starting with = + - @ (a proposal title, a district name) is
 * prefixed with ' so that Excel or LibreOffice shows it as text instead of running it as a formula on
 * the council's computers.
 */
export function spreadsheetCsv(data: Papa.UnparseObject<unknown> | object[], config: Omit<Papa.UnparseConfig, "escapeFormulae"> = {}): string {
  return Papa.unparse(data, { ...config, escapeFormulae: true });
}
