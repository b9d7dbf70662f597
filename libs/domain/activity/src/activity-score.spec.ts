import { activityEvidence, type ActivityModel } from './activity-score';
import { bgNbdConditionalExpectedRepeats, bgNbdProbabilityAlive } from './bgnbd';
import {
  modifiedBgNbdConditionalExpectedRepeats,
  modifiedBgNbdProbabilityAlive,
} from './modified-bgnbd';

// CDNOW estimates, weeks (FHL 2005; modified model: maximum likelihood on the same data).
const BG_NBD: ActivityModel = {
  kind: 'bg-nbd',
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
};
const MBG_NBD: ActivityModel = {
  kind: 'modified-bg-nbd',
  params: { r: 0.52484322, alpha: 6.18308556, a: 0.89135937, b: 1.61400192 },
};

describe('activity evidence for one customer', () => {
  it.each([
    ['a regular', { x: 6, tx: 37, T: 38.86 }],
    ['a lapsed regular', { x: 6, tx: 12, T: 38.86 }],
    ['a customer never back after the first purchase', { x: 0, tx: 0, T: 38.86 }],
  ])('reports the model’s own P(alive) and expected activity for %s', (_, summary) => {
    const bg = activityEvidence(BG_NBD, summary);
    expect(bg.pAlive).toBe(bgNbdProbabilityAlive(BG_NBD.params, summary));
    expect(bg.expectedNext(13)).toBe(bgNbdConditionalExpectedRepeats(BG_NBD.params, summary, 13));
    const mbg = activityEvidence(MBG_NBD, summary);
    expect(mbg.pAlive).toBe(modifiedBgNbdProbabilityAlive(MBG_NBD.params, summary));
    expect(mbg.expectedNext(13)).toBe(
      modifiedBgNbdConditionalExpectedRepeats(MBG_NBD.params, summary, 13),
    );
  });

  it('ranks the lapsed regular below the regular on both values', () => {
    const regular = activityEvidence(MBG_NBD, { x: 6, tx: 37, T: 38.86 });
    const lapsed = activityEvidence(MBG_NBD, { x: 6, tx: 12, T: 38.86 });
    expect(lapsed.pAlive).toBeLessThan(regular.pAlive);
    expect(lapsed.expectedNext(13)).toBeLessThan(regular.expectedNext(13));
  });

  it('does not call a customer silent since the first purchase certainly alive under the modified model', () => {
    const silent = { x: 0, tx: 0, T: 38.86 };
    expect(activityEvidence(BG_NBD, silent).pAlive).toBe(1);
    expect(activityEvidence(MBG_NBD, silent).pAlive).toBeLessThan(0.5);
  });

  it('expects nothing in no time and more over a longer horizon', () => {
    const evidence = activityEvidence(BG_NBD, { x: 2, tx: 30.43, T: 38.86 });
    expect(evidence.expectedNext(0)).toBe(0);
    expect(evidence.expectedNext(52)).toBeGreaterThan(evidence.expectedNext(39));
  });
});
