import type { Clock } from '@churn/alerting';

/**
 * The demo's alerting clock: starts at the real time and runs `speed` times faster, so SLA
 * deadlines counted in business hours (and the nights and weekends between them) pass within
 * minutes of `npm start`. Speed 1 is the real clock. Only the alerting engine's SLA timers and
 * command instants use it; tokens are checked against real time.
 */
export const demoClock = (speed: number, realNow: () => number = Date.now): Clock => {
  if (speed === 1) return { now: () => new Date(realNow()) };
  const anchor = realNow();
  return { now: () => new Date(anchor + (realNow() - anchor) * speed) };
};
