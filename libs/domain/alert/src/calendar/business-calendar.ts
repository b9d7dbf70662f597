import type { CalendarPolicy } from '../policy/alerting-policy';

/** STUB (signature fixed). The instant `minutes` business minutes after `startIso` (ISO, UTC `Z`). */
export const addBusinessMinutes = (
  _startIso: string,
  _minutes: number,
  _calendar: CalendarPolicy,
): string => {
  throw new Error('not implemented');
};

/** STUB (signature fixed). Business minutes from `fromIso` to `toIso` (0 if `toIso` is earlier). */
export const businessMinutesBetween = (
  _fromIso: string,
  _toIso: string,
  _calendar: CalendarPolicy,
): number => 0;
