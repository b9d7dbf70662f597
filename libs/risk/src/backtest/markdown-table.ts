/** A Markdown table, ready to paste into the README; numbers right-aligned. */
export const markdownTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string => {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
};

export const ratioText = (value: number | null): string =>
  value === null ? '–' : value.toFixed(2);

export const daysText = (value: number | null): string =>
  value === null ? '–' : String(Math.round(value));

export const rateText = (value: number | null): string => (value === null ? '–' : value.toFixed(2));
