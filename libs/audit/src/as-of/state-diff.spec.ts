import { diffStates } from './state-diff';

describe('the difference between two states', () => {
  it.each([
    ['a changed leaf', { aumMinor: 1 }, { aumMinor: 2 }, [{ path: 'aumMinor', from: 1, to: 2 }]],
    [
      'a nested leaf of a keyed item',
      { payroll: [{ employerId: 'E-A', accountId: 'A1', lastCredit: { date: '2024-05-10' } }] },
      { payroll: [{ employerId: 'E-A', accountId: 'A1', lastCredit: { date: '2024-06-10' } }] },
      [{ path: 'payroll[E-A].lastCredit.date', from: '2024-05-10', to: '2024-06-10' }],
    ],
    [
      'an item that came, as one change',
      { holdings: [] },
      { holdings: [{ holdingId: 'H1', status: 'held' }] },
      [{ path: 'holdings[H1]', from: null, to: { holdingId: 'H1', status: 'held' } }],
    ],
    [
      'an item that went, as one change',
      {
        accounts: [
          { accountId: 'A1', open: true },
          { accountId: 'A2', open: true },
        ],
      },
      { accounts: [{ accountId: 'A2', open: true }] },
      [{ path: 'accounts[A1]', from: { accountId: 'A1', open: true }, to: null }],
    ],
    [
      'a value that appeared from null',
      { risk: null },
      { risk: { band: 'watch' } },
      [{ path: 'risk.band', from: null, to: 'watch' }],
    ],
    [
      'a list without ids, compared whole',
      { kinds: ['a'] },
      { kinds: ['a', 'b'] },
      [{ path: 'kinds', from: ['a'], to: ['a', 'b'] }],
    ],
    [
      'the moment itself, not compared',
      { at: 'x', eventsFolded: 1 },
      { at: 'y', eventsFolded: 2 },
      [],
    ],
  ])('names %s', (_what, from, to, changes) => {
    expect(diffStates(from, to)).toEqual(changes);
  });
});
