import { demoClock } from './demo-clock';

describe('the demo clock', () => {
  it('starts at the real time and runs the given number of times faster', () => {
    let real = Date.parse('2026-11-23T06:00:00Z');
    const clock = demoClock(1800, () => real);
    expect(clock.now().toISOString()).toBe('2026-11-23T06:00:00.000Z');
    real += 10_000;
    expect(clock.now().toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('is the real clock at speed 1', () => {
    let real = Date.parse('2026-11-23T06:00:00Z');
    const clock = demoClock(1, () => real);
    real += 10_000;
    expect(clock.now().toISOString()).toBe('2026-11-23T06:00:10.000Z');
  });

  it('continues one timeline across instances made later with the same anchor', () => {
    const anchor = Date.parse('2026-11-23T06:00:00Z');
    let real = anchor + 10_000;
    // A process restarted 10 s after the anchor: 10 s × 1800 = 5 hours have passed on its clock.
    const restarted = demoClock(1800, () => real, anchor);
    expect(restarted.now().toISOString()).toBe('2026-11-23T11:00:00.000Z');
    real += 2_000;
    expect(restarted.now().toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});
