import type { CalendarDate, IndustryClass } from '@churn/domain-facts';

/**
 * Segments A–H of mid/high-end customers (thesis Table 5.1, DOMAIN.md §6): three binary
 * attributes — industry quality, product acceptance, age under 45 (青壮年) or 45 and over (中老年).
 */
export const SEGMENTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type Segment = (typeof SEGMENTS)[number];

export type ProductAcceptance = 'high' | 'low';

/** Thesis §5.1.1: customers of 45 and over have mostly finished accumulating wealth. */
export const MIDDLE_AGED_FROM_YEARS = 45;

export interface SegmentInputs {
  readonly industryClass: IndustryClass;
  readonly productAcceptance: ProductAcceptance;
  readonly birthDate: CalendarDate;
}

/**
 * Completed years of age on `asOfDate` (both `YYYY-MM-DD`): one fewer until the birthday is
 * reached this year. Someone born on 29 February comes of age on 1 March in common years.
 */
export const ageOn = (birthDate: CalendarDate, asOfDate: CalendarDate): number => {
  const years = Number(asOfDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOfDate.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
};

/** Table 5.1 row order: prime before ordinary, high before low acceptance, young before old. */
export const segmentOf = (inputs: SegmentInputs, asOfDate: CalendarDate): Segment => {
  const ordinary = inputs.industryClass === 'ordinary' ? 4 : 0;
  const low = inputs.productAcceptance === 'low' ? 2 : 0;
  const older = ageOn(inputs.birthDate, asOfDate) >= MIDDLE_AGED_FROM_YEARS ? 1 : 0;
  return SEGMENTS[ordinary + low + older] ?? 'H';
};

/** Value-added service items (thesis Table 5.2, 服务项目细化表). */
export const SERVICE_ITEMS = [
  { item: 1, name: 'priority queueing', thesisName: '优先办理' },
  { item: 2, name: 'SMS maturity reminders and greetings', thesisName: '短信维护' },
  { item: 3, name: 'holiday and birthday gifts', thesisName: '节日礼物' },
  { item: 4, name: 'home or office visit', thesisName: '登门拜访' },
  { item: 5, name: 'branch-head visit', thesisName: '行长维护' },
  { item: 6, name: 'mass-market events', thesisName: '大众活动' },
  { item: 7, name: 'wealth-tier events', thesisName: '理财级活动' },
  { item: 8, name: 'fortune-tier events', thesisName: '财富级活动' },
  { item: 9, name: 'private-club events', thesisName: '私享荟活动' },
] as const;

export type ServiceItem = (typeof SERVICE_ITEMS)[number];
export type ServiceItemNumber = ServiceItem['item'];

/**
 * Thesis Table 5.3 (差异化服务对照表): at most six items per segment, so that contact does not
 * turn into a nuisance. A retention alert proposes only its customer's segment's items.
 */
export const SEGMENT_SERVICE_ITEMS: Readonly<Record<Segment, readonly ServiceItemNumber[]>> = {
  A: [1, 2, 4, 5, 8, 9],
  B: [1, 2, 4, 7, 8, 9],
  C: [1, 2, 3, 4, 5, 8],
  D: [1, 2, 3, 4, 7, 8],
  E: [1, 2, 3, 6, 7, 8],
  F: [1, 2, 3, 5, 8],
  G: [1, 2, 3, 6, 7],
  H: [1, 2, 3, 6, 7],
};

/** The service items a segment may be offered, with their names. */
export const serviceItemsOf = (segment: Segment): readonly ServiceItem[] =>
  SERVICE_ITEMS.filter(({ item }) => SEGMENT_SERVICE_ITEMS[segment].includes(item));
