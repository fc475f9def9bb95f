/**
 * The CSV writer every export uses, written for what spreadsheets do with a file (RFC 4180
 * quoting, plus two defences):
 *
 * - A cell holding a comma, semicolon, quote, tab, CR or LF is quoted, so a spreadsheet that
 *   splits on semicolons (many European locales) or tabs still reads one cell.
 * - A text cell starting with =, +, -, @, tab or CR would run as a formula: it gets a leading
 *   apostrophe. Plain numbers (-12.5, +3) and phone numbers (+1 555 0100, (020) 7946-0958)
 *   are left as they are: with no letters, references or calls, they cannot reach anything.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Only digits and the punctuation phone numbers are written with, and enough digits to be one. */
const PHONE_CHARS = /^[\d ().+-]+$/;
const PHONE_MIN_DIGITS = 7;

function isPhoneNumber(text: string): boolean {
  return PHONE_CHARS.test(text) && (text.match(/\d/g)?.length ?? 0) >= PHONE_MIN_DIGITS;
}

/** Whether a spreadsheet would run this text as a formula. */
function isFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && !isPhoneNumber(text);
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && isFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. */
export function csvRow(values: CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/**
 * Reads CSV text back into rows (quotes and line breaks inside quotes honoured). `separator`
 * reads it as a spreadsheet of another locale would, splitting on ";" or a tab instead.
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
