import { ageOn, SEGMENT_SERVICE_ITEMS, segmentOf, serviceItemsOf, type Segment } from './segment';

describe('segments A–H of thesis Table 5.1', () => {
  const young = '1990-03-10';
  const old = '1960-03-10';
  it.each([
    ['prime', 'high', young, 'A'],
    ['prime', 'high', old, 'B'],
    ['prime', 'low', young, 'C'],
    ['prime', 'low', old, 'D'],
    ['ordinary', 'high', young, 'E'],
    ['ordinary', 'high', old, 'F'],
    ['ordinary', 'low', young, 'G'],
    ['ordinary', 'low', old, 'H'],
  ] as const)(
    'industry %s, acceptance %s, born %s is segment %s',
    (industryClass, productAcceptance, birthDate, segment) =>
      expect(segmentOf({ industryClass, productAcceptance, birthDate }, '2023-06-01')).toBe(
        segment,
      ),
  );

  describe('a prime, high-acceptance customer born on 1978-06-15', () => {
    const inputs = {
      industryClass: 'prime',
      productAcceptance: 'high',
      birthDate: '1978-06-15',
    } as const;
    it('is still under 45, segment A, the day before the 45th birthday', () =>
      expect(segmentOf(inputs, '2023-06-14')).toBe('A'));
    it('is 45, segment B, on the birthday itself', () =>
      expect(segmentOf(inputs, '2023-06-15')).toBe('B'));
  });

  it.each([
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['1978-12-31', '2023-12-30', 44],
    ['1978-12-31', '2023-12-31', 45],
  ])('someone born %s is %d on %s', (birthDate, asOfDate, age) =>
    expect(ageOn(birthDate, asOfDate)).toBe(age),
  );
});

describe('service items per segment (thesis Tables 5.2 and 5.3)', () => {
  it.each([
    ['A', [1, 2, 4, 5, 8, 9]],
    ['B', [1, 2, 4, 7, 8, 9]],
    ['C', [1, 2, 3, 4, 5, 8]],
    ['D', [1, 2, 3, 4, 7, 8]],
    ['E', [1, 2, 3, 6, 7, 8]],
    ['F', [1, 2, 3, 5, 8]],
    ['G', [1, 2, 3, 6, 7]],
    ['H', [1, 2, 3, 6, 7]],
  ] as [Segment, number[]][])(
    'segment %s is offered items %j, never more than six',
    (segment, items) => {
      expect(SEGMENT_SERVICE_ITEMS[segment]).toEqual(items);
      expect(serviceItemsOf(segment).map((s) => s.item)).toEqual(items);
      expect(items.length).toBeLessThanOrEqual(6);
    },
  );

  it('names the items in the bank’s words', () => {
    expect(serviceItemsOf('A').map((s) => s.thesisName)).toEqual([
      '优先办理',
      '短信维护',
      '登门拜访',
      '行长维护',
      '财富级活动',
      '私享荟活动',
    ]);
    expect(serviceItemsOf('H').map((s) => s.name)).toContain('mass-market events');
  });
});
