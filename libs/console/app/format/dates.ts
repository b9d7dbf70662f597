/**
 * Dates as the bank sees them: in Asia/Shanghai, whatever the browser's own zone. Bank dates
 * (`YYYY-MM-DD`, business days) are already the bank's and are shown as they are.
 */
export const BANK_TIME_ZONE = 'Asia/Shanghai';
/** Beijing time has no daylight saving: a fixed offset is exact. */
const BANK_OFFSET = '+08:00';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormat = (locale: string): Intl.DateTimeFormat => {
  let format = dateTimeFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: BANK_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(locale, format);
  }
  return format;
};

const ISO_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: BANK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant, as date and time in the bank's zone: "2026/11/23 14:05". */
export const formatInstant = (iso: string | null | undefined, locale: string): string => {
  if (iso === null || iso === undefined) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateTimeFormat(locale).format(ms);
};

/** The bank date (`YYYY-MM-DD` in Beijing) an instant falls on. */
export const bankDateOf = (iso: string | number): string =>
  ISO_DATE.format(typeof iso === 'number' ? iso : Date.parse(iso));

/** The last instant of a bank date: "as of that day" means after everything that day. */
export const endOfBankDate = (date: string): string => `${date}T23:59:59.999${BANK_OFFSET}`;

/** The first instant of a bank date. */
export const startOfBankDate = (date: string): string => `${date}T00:00:00.000${BANK_OFFSET}`;

/** `YYYY-MM` of a bank date, `months` months earlier (for month-range queries). */
export const monthsBefore = (date: string, months: number): string => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** A `datetime-local` value (bank time) as an ISO instant with the bank's offset. */
export const bankLocalToInstant = (local: string): string =>
  `${local.length === 16 ? `${local}:00` : local}${BANK_OFFSET}`;

/** An instant as a `datetime-local` value in bank time. */
export const instantToBankLocal = (ms: number): string => {
  const shifted = new Date(ms + 8 * 3_600_000).toISOString();
  return shifted.slice(0, 16);
};
