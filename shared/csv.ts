/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF (quotes doubled inside). Starts with a UTF-8 byte order mark so
 * Excel reads Arabic as UTF-8 rather than the machine's code page.
 */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell starting with = + - @ (or tab, CR) would run as a formula in a spreadsheet: it gets a
 * leading apostrophe, which Excel and LibreOffice show as text. Numbers are written as they are.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header and rows as one CSV text, BOM first, every record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join('');
}
