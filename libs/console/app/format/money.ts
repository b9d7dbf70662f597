/**
 * Money on screen: CNY with thousands separators, from integer minor units (fen), exactly.
 * Amounts travel as integers (ARCHITECTURE.md principle 5); dividing by 100 in floating point
 * would round large balances, so the yuan and fen are split as integers and the formatter is
 * handed a decimal string, which Intl formats without going through a double.
 */
const CNY = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
const CNY_WHOLE = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  maximumFractionDigits: 0,
});

export type Minor = number | string | bigint;

const toBigInt = (minor: Minor): bigint => {
  if (typeof minor === 'bigint') return minor;
  if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
    return BigInt(minor);
  }
  if (!/^-?\d+$/.test(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  return BigInt(minor);
};

/** "1234567" fen → "12345.67" (a decimal string, never a float). */
export const minorToDecimal = (minor: Minor): string => {
  const fen = toBigInt(minor);
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** ¥12,345.67 */
export const formatCny = (minor: Minor): string =>
  CNY.format(minorToDecimal(minor) as unknown as number);

/** ¥12,346: for chart axes and tiles, where fen are noise. */
export const formatCnyWhole = (minor: Minor): string =>
  CNY_WHOLE.format(minorToDecimal(minor) as unknown as number);

/** Yuan as a number, for chart coordinates only (never for arithmetic on money). */
export const minorToYuanForChart = (minor: Minor): number => Number(minorToDecimal(minor));
