import { decodeMessage } from './decode-message';
import type { Decoded } from './inbound-envelope';
import { CONTRACT_EXAMPLES, NOW, envelope, type ContractExample } from '../testing/messages';

const idsOf = (decoded: Decoded): readonly string[] =>
  decoded.kind === 'facts'
    ? decoded.appends.map((a) => a.event.id)
    : [`rejected: ${decoded.reason}`];

const decodeAt = (
  example: ContractExample,
  partition: number,
  offset: string,
  value = example.value,
) =>
  decodeMessage(envelope(example.topic, value, { key: example.key, partition, offset }), {
    now: NOW,
  });

/** Kinds whose id comes from the Kafka coordinates, because upstream gives them no id. */
const COORDINATE_NAMED = new Set(['profile-changed']);

describe('a message redelivered', () => {
  const natural = CONTRACT_EXAMPLES.filter((e) => !COORDINATE_NAMED.has(String(e.value['kind'])));

  it.each(natural.map((e) => [e.name, e] as const))(
    '%s at another partition and offset keeps its event ids',
    (_name, example) => {
      expect(idsOf(decodeAt(example, 5, '999999'))).toEqual(idsOf(decodeAt(example, 3, '1042')));
    },
  );

  it.each(natural.map((e) => [e.name, e] as const))(
    '%s records where this delivery came from',
    (_name, example) => {
      const decoded = decodeAt(example, 5, '999999');
      expect(decoded.kind === 'facts' && decoded.appends[0]?.event.metadata.source).toEqual({
        topic: example.topic,
        partition: 5,
        offset: '999999',
      });
    },
  );

  it('at the same coordinates keeps even a coordinate-named id', () => {
    const [profile] = CONTRACT_EXAMPLES.filter((e) =>
      COORDINATE_NAMED.has(String(e.value['kind'])),
    );
    if (profile === undefined) throw new Error('no profile example');
    expect(idsOf(decodeAt(profile, 3, '1042'))).toEqual(idsOf(decodeAt(profile, 3, '1042')));
    expect(idsOf(decodeAt(profile, 3, '1043'))).not.toEqual(idsOf(decodeAt(profile, 3, '1042')));
  });
});

describe('ids that must differ', () => {
  const [transaction] = CONTRACT_EXAMPLES;

  it('differ for another transaction id', () => {
    if (transaction === undefined) throw new Error('no examples');
    const other = { ...transaction.value, transactionId: 'T-20240603-000124' };
    expect(idsOf(decodeAt(transaction, 3, '1', other))).not.toEqual(
      idsOf(decodeAt(transaction, 3, '1')),
    );
  });

  it('for a rollover, differ by business time but not by how the instant is written', () => {
    const rollover = CONTRACT_EXAMPLES.find((e) => e.value['kind'] === 'product-rolled-over');
    if (rollover === undefined) throw new Error('no rollover example');
    const sameInstant = { ...rollover.value, occurredAt: '2024-06-15T16:05:00Z' };
    const later = { ...rollover.value, occurredAt: '2024-06-16T00:05:00.001+08:00' };
    expect(idsOf(decodeAt(rollover, 3, '1', sameInstant))).toEqual(
      idsOf(decodeAt(rollover, 3, '1')),
    );
    expect(idsOf(decodeAt(rollover, 3, '1', later))).not.toEqual(idsOf(decodeAt(rollover, 3, '1')));
  });

  it('differ for the same survey answered by two customers', () => {
    const survey = CONTRACT_EXAMPLES.find((e) => e.value['kind'] === 'survey-answered');
    if (survey === undefined) throw new Error('no survey example');
    const other = decodeMessage(
      envelope(survey.topic, { ...survey.value, customerId: 'C-1002' }, { key: 'C-1002' }),
      { now: NOW },
    );
    expect(idsOf(other)).not.toEqual(idsOf(decodeAt(survey, 3, '1')));
  });
});
