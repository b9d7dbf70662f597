import { bankDate, type DayNumber, type MinorUnits } from '@churn/domain-kernel';
import { aumOnDay, aumSeriesOf } from './aum-history';
import type { CustomerState } from './customer-state';
import { segmentOf, type ProductAcceptance, type Segment } from './segment';

/** AUM at the close of a bank day; undefined when older than the history kept (400 days). */
export const aumOn = (state: CustomerState, day: DayNumber): MinorUnits | undefined =>
  aumOnDay(state.aumHistory, day);

/** Day closes for `fromDay..toDay` inclusive, carried forward over days without a change. */
export const aumSeries = (
  state: CustomerState,
  fromDay: DayNumber,
  toDay: DayNumber,
): readonly (MinorUnits | undefined)[] => aumSeriesOf(state.aumHistory, fromDay, toDay);

/**
 * Product acceptance (产品接受度, thesis §5.1.1) read from behaviour: a customer who has bought
 * products of at least two kinds, or keeps at least 30% of AUM in products, has accepted the
 * bank's asset allocation; a time-deposit-only saver with most money in deposits has not.
 */
export const HIGH_ACCEPTANCE_PRODUCT_KINDS = 2;
export const HIGH_ACCEPTANCE_PRODUCT_SHARE_PERCENT = 30;

export const productAcceptanceOf = (state: CustomerState): ProductAcceptance =>
  state.productKindsEverHeld.length >= HIGH_ACCEPTANCE_PRODUCT_KINDS ||
  (state.aumMinor > 0 &&
    state.heldProductMinor * 100 >= state.aumMinor * HIGH_ACCEPTANCE_PRODUCT_SHARE_PERCENT)
    ? 'high'
    : 'low';

/** The customer's segment A–H on a bank day (thesis Table 5.1); null before onboarding. */
export const customerSegment = (state: CustomerState, asOfDay: DayNumber): Segment | null =>
  state.profile === null
    ? null
    : segmentOf(
        {
          industryClass: state.profile.industryClass,
          birthDate: state.profile.birthDate,
          productAcceptance: productAcceptanceOf(state),
        },
        bankDate(asOfDay),
      );

/** Whether any product is still held. */
export const holdsProducts = (state: CustomerState): boolean => {
  for (const holding of state.holdings.values()) if (holding.status === 'held') return true;
  return false;
};
