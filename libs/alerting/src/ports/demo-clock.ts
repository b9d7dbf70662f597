import type { Clock } from './alerting-ports';

/**
 * An accelerated SLA clock: real time runs `speed` times faster from `anchorMs` on (the real
 * instant at which it shows the real time; by default when it is made). Speed 1 is the real
 * clock. The demo (`npm start`) runs SLA deadlines counted in business hours (and the nights and
 * weekends between them) within minutes; the system tests run the alerting service this way so
 * that it can be down past a deadline without a test sleeping for hours. Processes given the
 * same anchor and speed share one timeline, so a restarted instance continues it. Only the
 * alerting engine's SLA timers and command instants use it; tokens are checked against real time.
 */
export const demoClock = (
  speed: number,
  realNow: () => number = Date.now,
  anchorMs: number = realNow(),
): Clock => {
  if (speed === 1) return { now: () => new Date(realNow()) };
  return { now: () => new Date(anchorMs + (realNow() - anchorMs) * speed) };
};
