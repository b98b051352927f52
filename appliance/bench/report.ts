/** A row of the closing table: a figure beside its target (if it has one) and the verdict. */
export type ReportRow = { measure: string; value: string; target?: string; met?: boolean };

export function formatTable(rows: readonly ReportRow[]): string {
  const cells = rows.map((row) => [row.measure, row.value, row.target ?? '', row.met === undefined ? '' : row.met ? 'ok' : 'MISSED']);
  const header = ['Measure', 'Measured', 'Target', 'Verdict'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) =>
    cell
      .map((text, column) => (column === 1 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} /s`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
