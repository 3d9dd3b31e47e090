import Papa from "papaparse";

/**
 * Rows as CSV for a spreadsheet. A cell starting with = + - @ (a proposal title, a district name) is
 * prefixed with ' so that Excel or LibreOffice shows it as text instead of running it as a formula on
 * the council's computers.
 */
export function spreadsheetCsv(data: Papa.UnparseObject<unknown> | object[], config: Omit<Papa.UnparseConfig, "escapeFormulae"> = {}): string {
  return Papa.unparse(data, { ...config, escapeFormulae: true });
}

/**
 * The text of an uploaded CSV file: UTF-8 (with or without its BOM, Excel's "CSV UTF-8"), or UTF-16
 * with its BOM (Excel's "Unicode text", tab-separated). Null for anything else, such as Excel's plain
 * "CSV" on Windows (Windows-1252), which read as UTF-8 would publish residents' words garbled.
 */
export function csvFileText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
