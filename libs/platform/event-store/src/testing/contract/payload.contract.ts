import fc from 'fast-check';
import { collect } from '../../collect';
import { decode, decodeAll, type EventDecoders } from '../../decode';
import { EventTooLargeError, UnknownEventTypeError } from '../../event-store.errors';
import { DEFAULT_MAX_EVENT_BYTES, type RecordedEvent } from '../../event-store.port';
import { aFact, refusalOf, uniquePrefix } from '../event-fixtures';
import { SLOW_TEST_MS, type CurrentStore } from './store-under-test';

const LIMIT = DEFAULT_MAX_EVENT_BYTES;

// 工资代发 = payroll disbursement; the rest covers emoji, astral-plane CJK and a surrogate-heavy string.
const UNICODE = {
  note: '客户流失预警：工资代发中断，理财到期未续。',
  emoji: '💸🏦📉👩‍💼',
  astral: '𠀀𠀁𪚥𝄞',
  mixed: 'Zoë — naïve café ½ ✓',
};

export const payloadContract = (current: CurrentStore): void => {
  describe('payloads', () => {
    it('keeps Chinese text, emoji and astral-plane characters exactly', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-张三`;
      const fact = aFact({ data: UNICODE, metadata: { branch: '北京分行' } });
      await store.append(stream, [fact], { expectedRevision: 'no_stream' });
      const [read] = await collect(store.readStream(stream));
      expect(read?.stream).toBe(stream);
      expect(read?.data).toEqual(UNICODE);
      expect(read?.metadata['branch']).toBe('北京分行');
    });

    it(
      'gives back any JSON value as JSON would (property, 40 cases)',
      async () => {
        const { store } = current();
        const stream = `${uniquePrefix()}customer-1`;
        let revision = -1;
        await fc.assert(
          fc.asyncProperty(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 3 }), async (data) => {
            const fact = aFact({ data, metadata: { note: data } });
            await store.append(stream, [fact], {
              expectedRevision: revision < 0 ? 'no_stream' : revision,
            });
            const [read] = await collect(store.readStream(stream, { fromRevision: ++revision }));
            const asJson = JSON.parse(JSON.stringify(data)) as unknown;
            expect(read?.data).toEqual(asJson);
            expect(read?.metadata['note']).toEqual(asJson);
          }),
          { numRuns: 40 },
        );
      },
      SLOW_TEST_MS,
    );

    it(
      'accepts an event just under the size limit',
      async () => {
        const { store } = current();
        const stream = `${uniquePrefix()}customer-1`;
        const blob = '中'.repeat(Math.floor((LIMIT - 4096) / 3));
        await store.append(stream, [aFact({ data: { blob } })], { expectedRevision: 'no_stream' });
        const [read] = await collect(store.readStream(stream));
        expect((read?.data as { blob: string }).blob).toBe(blob);
      },
      SLOW_TEST_MS,
    );

    it('refuses an event over the limit in UTF-8 bytes, naming the limit, and writes nothing', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      // About 350k UTF-16 units but over 1 MiB in UTF-8: the limit counts bytes.
      const fact = aFact({ data: { blob: '中'.repeat(Math.ceil(LIMIT / 3)) } });
      const error = await refusalOf(
        store.append(stream, [aFact(), fact], { expectedRevision: 'any' }),
      );
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({
        code: 'EVENT_STORE_EVENT_TOO_LARGE',
        eventId: fact.id,
        limitBytes: LIMIT,
      });
      expect(error.message).toContain(String(LIMIT));
      expect(await collect(store.readStream(stream))).toEqual([]);
    });
  });

  describe('an event type this reader does not know', () => {
    const decoders: EventDecoders<{ readonly kind: 'payroll'; readonly amountFen: string }> = {
      PayrollCredited: (e: RecordedEvent) => ({
        kind: 'payroll',
        amountFen: (e.data as { amountFen: string }).amountFen,
      }),
    };

    it('is read back like any other and surfaced by the decoder, never skipped', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const future = aFact({ type: 'WealthProductSwitched', data: { from: 'A', to: 'B' } });
      await store.append(stream, [aFact(), future, aFact()], { expectedRevision: 'no_stream' });

      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.type)).toEqual([
        'PayrollCredited',
        'WealthProductSwitched',
        'PayrollCredited',
      ]);
      expect(read.map((e) => decode(e, decoders).kind)).toEqual(['known', 'unknown', 'known']);

      const failing = refusalOf(collect(decodeAll(store.readStream(stream), decoders, 'fail')));
      await expect(failing).resolves.toBeInstanceOf(UnknownEventTypeError);
      await expect(failing).resolves.toMatchObject({
        code: 'EVENT_STORE_UNKNOWN_EVENT_TYPE',
        revision: 1,
      });

      const parked: string[] = [];
      const known = await collect(
        decodeAll(store.readStream(stream), decoders, (u) => void parked.push(u.type)),
      );
      expect(known).toHaveLength(2);
      expect(parked).toEqual(['WealthProductSwitched']);
    });
  });
};
