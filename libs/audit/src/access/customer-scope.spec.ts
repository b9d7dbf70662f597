import { principalOf } from '@churn/alerting';
import { alertCustomer, raisedAlert, TEST_AT, TEST_DIRECTORY } from '@churn/domain-alert/testing';
import { canSeeCustomer, type CustomerPlacement } from './customer-scope';

const customer = (overrides: Partial<CustomerPlacement> = {}): CustomerPlacement => ({
  customerId: 'C-1',
  relationshipManagerId: 'RM-1',
  teamId: 'T-1',
  branchId: 'BR-T',
  ...overrides,
});

const sees = (
  staffId: string,
  placement: CustomerPlacement,
  alerts = [] as Parameters<typeof canSeeCustomer>[3],
) => {
  const viewer = principalOf(TEST_DIRECTORY, staffId);
  if (viewer === null) throw new Error(`${staffId} is not in the test directory`);
  return canSeeCustomer(TEST_DIRECTORY, viewer, placement, alerts, TEST_AT);
};

/** Branch BR-T: T-1 (SUP-1) has RM-1 and RM-2, T-2 (SUP-2) has RM-3; HEAD-1 heads it. */
describe('whose customers an audit query may show', () => {
  it.each([
    ['their RM', 'RM-1', customer(), true],
    ['an RM of the same team', 'RM-2', customer(), false],
    ['the supervisor of their team', 'SUP-1', customer(), true],
    [
      "the supervisor of their RM's team, the customer's own team being another",
      'SUP-1',
      customer({ teamId: 'T-2' }),
      true,
    ],
    ['the supervisor of another team', 'SUP-2', customer(), false],
    ['the head of their branch', 'HEAD-1', customer(), true],
    [
      'the head of another branch',
      'HEAD-1',
      customer({ branchId: 'BR-Z', teamId: null, relationshipManagerId: null }),
      false,
    ],
    ['an auditor', 'AUD-1', customer({ branchId: 'BR-Z' }), true],
    ['an operator', 'OPS-1', customer(), false],
  ])('%s: %s sees them: %s', (_who, staffId, placement, expected) => {
    expect(sees(staffId, placement)).toBe(expected);
  });

  it('an RM who holds an alert of a customer not theirs sees the customer', () => {
    const alert = raisedAlert({
      customer: alertCustomer({ customerId: 'C-1', relationshipManagerId: 'RM-3', teamId: 'T-2' }),
    });
    const placement = customer({ relationshipManagerId: 'RM-3', teamId: 'T-2' });
    expect(sees('RM-1', placement)).toBe(false);
    const held = { ...alert, holder: { kind: 'staff' as const, staffId: 'RM-1' } };
    expect(sees('RM-1', placement, [held])).toBe(true);
  });
});
