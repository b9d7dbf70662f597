// The totals an end-to-end spec prints, as a two-column table on the console.

export type ReportRow = readonly [string, string | number];

const show = (value: string | number): string =>
  typeof value === 'number' ? value.toLocaleString('en-US') : value;

/** Prints `title` and its rows, the labels padded to one width. */
export function printTable(title: string, rows: readonly ReportRow[]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${show(value)}`);
  console.log([title, ...lines].join('\n'));
}
