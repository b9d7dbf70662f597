import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  nextDeadline,
  pendingDeadlines,
  type AlertState,
  type EscalateAlert,
} from '@churn/domain-alert';
import { alertCustomer, raiseCommand, TEST_AT, TEST_DIRECTORY } from '@churn/domain-alert/testing';
import type { EventStore, RecordedEvent } from '@churn/event-store';
import { AlertRepository } from '../store/alert-repository';
import { alertEvents, ManualClock, startTestEngine, type TestEngine } from '../testing';

const MINUTE = 60_000;

const escalate = (staffId: string, at: string): EscalateAlert => ({
  type: 'EscalateAlert',
  data: { actor: { staffId }, at, directory: TEST_DIRECTORY, reason: 'beyond my authority' },
});

const dueOf = (state: AlertState): string => {
  const deadline = nextDeadline(state);
  if (deadline === null) throw new Error('no deadline running');
  return deadline.dueAt;
};

/** `<alertId> <rule>` of every escalation or breach the timers appended, in log order. */
const firedRules = async (store: EventStore): Promise<string[]> =>
  (await alertEvents(store)).flatMap((e: RecordedEvent) => {
    const data = e.data as {
      alertId: string;
      rule?: string;
      trigger?: { kind: string; rule?: string };
    };
    if (e.type === 'RetentionAlertSlaBreached') return [`${data.alertId} ${data.rule}`];
    if (e.type === 'RetentionAlertEscalated' && data.trigger?.kind === 'sla')
      return [`${data.alertId} ${data.trigger.rule}`];
    return [];
  });

const lastPosition = async (store: EventStore): Promise<number> =>
  (await alertEvents(store)).reduce((max, e) => Math.max(max, e.position), 0);

describe('escalation timers on the embedded store', () => {
  let dir: string;
  let path: string;
  const running: TestEngine[] = [];
  const start = async (clock: ManualClock): Promise<TestEngine> => {
    const engine = await startTestEngine({ path, clock, bridge: false });
    running.push(engine);
    return engine;
  };
  const stop = async (engine: TestEngine): Promise<void> => {
    running.splice(running.indexOf(engine), 1);
    await engine.stop();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alerting-timers-'));
    path = join(dir, 'events.db');
  });
  afterEach(async () => {
    for (const engine of running.splice(0)) await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a critical fortune-tier alert nobody acknowledges', () => {
    it('escalates to the supervisor once the RM acknowledge clock runs out, exactly once', async () => {
      const clock = new ManualClock(TEST_AT);
      const { engine, store } = await start(clock);
      const raised = await engine.repository.execute('A-1', raiseCommand());
      await engine.book.caughtUpTo(raised.appended[raised.appended.length - 1]?.position ?? 0);
      const dueAt = dueOf(raised.state);
      expect(nextDeadline(raised.state)?.rule).toBe('rm/acknowledge');

      clock.set(new Date(Date.parse(dueAt) - MINUTE).toISOString());
      expect(await engine.timers.tick()).toMatchObject({ due: 0, fired: 0 });

      clock.advance(2 * MINUTE);
      expect(await engine.timers.tick()).toMatchObject({ due: 1, fired: 1, alreadyHandled: 0 });
      expect(await engine.timers.tick()).toMatchObject({ due: 0, fired: 0 });
      const state = (await engine.repository.load('A-1')).state;
      expect(state.status === 'open' && state.level).toBe('supervisor');
      expect(state.status === 'open' && state.holder).toEqual({ kind: 'staff', staffId: 'SUP-1' });
      expect(await firedRules(store)).toEqual(['A-1 rm/acknowledge']);
    });
  });

  describe('a service stopped while two alerts’ deadlines pass', () => {
    it('fires each overdue deadline exactly once when a new instance starts on the same file', async () => {
      const clock = new ManualClock(TEST_AT);
      const first = await start(clock);
      const repository = first.engine.repository;
      const x = await repository.execute('X', raiseCommand({ alertId: 'X' }));
      const customer = alertCustomer({ customerId: 'C-Y' });
      await repository.execute('Y', raiseCommand({ alertId: 'Y', customer }));
      await repository.execute('Y', escalate('RM-1', TEST_AT));
      const y = await repository.execute('Y', escalate('SUP-1', TEST_AT));
      // Y is with the branch head: at the top a clock that runs out is a breach, and the level
      // (so the other clocks) stays: two of its deadlines pass while the service is down.
      const [ack, contact, resolve] = pendingDeadlines(y.state);
      expect([ack?.rule, contact?.rule, resolve?.rule]).toEqual([
        'branch-head/acknowledge',
        'branch-head/contact',
        'branch-head/resolve',
      ]);
      await stop(first);

      const downUntil =
        Math.max(Date.parse(dueOf(x.state)), Date.parse(contact?.dueAt ?? '')) + MINUTE;
      expect(downUntil).toBeLessThan(Date.parse(resolve?.dueAt ?? ''));
      clock.set(new Date(downUntil).toISOString());
      // The new instance fires what is overdue as it starts, before its risk bridge catches up.
      const second = await start(clock);
      expect(await second.engine.timers.tick()).toMatchObject({ due: 0, fired: 0 });
      expect((await firedRules(second.store)).sort()).toEqual([
        'X rm/acknowledge',
        'Y branch-head/acknowledge',
        'Y branch-head/contact',
      ]);

      await stop(second);
      const third = await start(clock);
      expect(await third.engine.timers.tick()).toMatchObject({ due: 0, fired: 0 });
    });
  });

  describe('two instances ticking at once over many alerts', () => {
    it('fires every rule of every alert exactly once, up the whole ladder', async () => {
      const clock = new ManualClock(TEST_AT);
      const seed = new AlertRepository((await start(clock)).store);
      const ids = Array.from({ length: 30 }, (_, i) => `M-${i}`);
      for (const alertId of ids)
        await seed.execute(
          alertId,
          raiseCommand({ alertId, customer: alertCustomer({ customerId: `C-${alertId}` }) }),
        );
      await stop(running[0] as TestEngine);
      const a = await start(clock);
      const b = await start(clock);
      const fired = { a: 0, b: 0, handled: 0 };
      // rm → supervisor → branch head → breach at the top: three rounds of overdue clocks.
      for (let round = 0; round < 3; round++) {
        const states = await Promise.all(
          ids.map(async (id) => (await a.engine.repository.load(id)).state),
        );
        clock.set(
          new Date(Math.max(...states.map((s) => Date.parse(dueOf(s)))) + MINUTE).toISOString(),
        );
        const [ra, rb] = await Promise.all([a.engine.timers.tick(), b.engine.timers.tick()]);
        fired.a += ra.fired;
        fired.b += rb.fired;
        fired.handled += ra.alreadyHandled + rb.alreadyHandled;
        expect(ra.failed + rb.failed).toBe(0);
        const head = await lastPosition(a.store);
        await Promise.all([a.engine.book.caughtUpTo(head), b.engine.book.caughtUpTo(head)]);
      }
      const rules = await firedRules(a.store);
      expect(rules).toHaveLength(ids.length * 3);
      expect(new Set(rules).size).toBe(rules.length);
      for (const id of ids)
        expect(rules.filter((r) => r.startsWith(`${id} `)).map((r) => r.split(' ')[1])).toEqual([
          'rm/acknowledge',
          'supervisor/acknowledge',
          'branch-head/acknowledge',
        ]);
      expect(fired.a + fired.b).toBe(ids.length * 3);
      expect(fired.handled).toBe(ids.length * 3);
    });
  });
});
