import type { Signal } from '../signals/signal';
import type { ChurnRiskEvent, ChurnRiskRaised } from './risk-events';
import { riskEventName } from './risk-event-name';

const signal = (code: Signal['code'], ids: readonly string[]): Signal => ({
  code,
  strengthBasisPoints: 10_000,
  evidenceEventIds: ids,
  measures: [],
  explanation: '',
});

const raised = (overrides: Partial<ChurnRiskRaised['data']> = {}): ChurnRiskRaised => ({
  type: 'ChurnRiskRaised',
  schemaVersion: 1,
  data: {
    customerId: 'c-42',
    sequence: 1,
    score: 60,
    band: 'warning',
    signals: [signal('payroll-stopped', ['e-9', 'e-7']), signal('payroll-drain', ['e-7', 'e-8'])],
    policyVersion: '2026-11-1',
    assessedOn: '2026-03-11',
    occurredAt: '2026-03-11T23:59:59.999+08:00',
    customer: {
      tier: 'fortune',
      aumMinor: 200_000_000,
      segment: 'B',
      relationshipManagerId: 'RM-002',
      teamId: 'T-WEALTH-2',
      branchId: 'BR-X',
    },
    value: { peakAumMinor: 200_000_000, tier: 'fortune', weightBasisPoints: 10_000 },
    ...overrides,
  },
});

describe('the derived id name of a risk event', () => {
  it('is the same for the same causes, built afresh', () => {
    expect(riskEventName(raised())).toBe(riskEventName(raised()));
    expect(riskEventName(raised())).toBe(
      'churn-risk|c-42|1|ChurnRiskRaised|2026-03-11|warning|2026-11-1|e-7,e-8,e-9',
    );
  });

  it('does not depend on the order in which the signals cite their evidence, or on the wording', () => {
    const reordered = raised({
      signals: [
        signal('payroll-drain', ['e-8', 'e-7']),
        { ...signal('payroll-stopped', ['e-9']), explanation: 'other words' },
      ],
    });
    expect(riskEventName(reordered)).toBe(riskEventName(raised()));
  });

  it.each<[string, Partial<ChurnRiskRaised['data']>]>([
    ['another customer', { customerId: 'c-43' }],
    ['another day', { assessedOn: '2026-03-12' }],
    ['another band', { band: 'critical' }],
    ['another policy version', { policyVersion: '2026-12-1' }],
    ['another cause', { signals: [signal('payroll-stopped', ['e-10'])] }],
    ["a later place in the customer's risk history", { sequence: 2 }],
  ])('differs for %s', (_situation, overrides) => {
    expect(riskEventName(raised(overrides))).not.toBe(riskEventName(raised()));
  });

  it('differs between event types with the same causes', () => {
    const event = raised();
    const changed = { ...event, type: 'ChurnRiskChanged' } as unknown as ChurnRiskEvent;
    expect(riskEventName(changed)).not.toBe(riskEventName(event));
  });

  it('escapes separators inside a part, so two different causes never share a name', () => {
    const a = raised({ customerId: 'c|1', signals: [signal('dormancy', ['x,y'])] });
    const b = raised({ customerId: 'c', signals: [signal('dormancy', ['x', 'y'])] });
    expect(riskEventName(a)).toBe(
      'churn-risk|c%7C1|1|ChurnRiskRaised|2026-03-11|warning|2026-11-1|x%2Cy',
    );
    expect(riskEventName(a)).not.toBe(riskEventName(b));
  });
});
