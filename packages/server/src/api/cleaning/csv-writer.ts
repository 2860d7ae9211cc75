/**
 * CSV as Russian Excel opens it by double click: UTF-8 with a byte-order mark (else it
 * guesses cp1251), `;` between fields (the decimal separator is the comma), CRLF.
 */
const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');

  const text = neutralizeFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// A cell starting with = or @ (or +/- not followed by a digit) would run as a formula.
function neutralizeFormula(text: string): string {
  return /^[=@]|^[+-][^\d\s]/.test(text) ? `'${text}` : text;
}
