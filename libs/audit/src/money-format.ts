import type { MinorUnits } from '@churn/domain-kernel';

/** `123456789` fen → `CNY 1,234,567.89`: exact, from integers, with thousands separators. */
export const formatCny = (minor: MinorUnits): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}CNY ${yuan}.${String(abs % 100).padStart(2, '0')}`;
};
