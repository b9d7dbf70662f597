import { uuidV5 } from '@churn/ingestion';
import { RISK_NAMESPACE } from './risk-event-ids';

describe('the namespace of risk event ids', () => {
  it('is the name-based UUID of the risk engine under the URL namespace, as written', () =>
    expect(uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:churn-early-warning:risk')).toBe(
      RISK_NAMESPACE,
    ));
});
