import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCommand, TEST_AT } from '@churn/domain-alert/testing';
import { alertIdForRisk } from '../store/alert-ids';
import {
  alertEvents,
  appendRiskEvents,
  ManualClock,
  riskEvent,
  startTestEngine,
  type RiskEventSpec,
  type TestEngine,
} from '../testing';

const DAY = 86_400_000;

describe('the risk bridge following the customer streams', () => {
  let dir: string;
  let path: string;
  let clock: ManualClock;
  const running: TestEngine[] = [];
  const start = async (bridge: { subscriberId?: string } = {}): Promise<TestEngine> => {
    const engine = await startTestEngine({ path, clock, bridge });
    running.push(engine);
    return engine;
  };
  const feed = async (engine: TestEngine, specs: readonly RiskEventSpec[]): Promise<void> => {
    const position = await appendRiskEvents(engine.store, specs);
    await engine.engine.bridge?.settled(position);
  };
  const typesOf = async (engine: TestEngine, alertId: string): Promise<string[]> =>
    (await alertEvents(engine.store))
      .filter((e) => e.stream === `alert-${alertId}`)
      .map((e) => e.type);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alerting-bridge-'));
    path = join(dir, 'events.db');
    clock = new ManualClock(TEST_AT);
  });
  afterEach(async () => {
    for (const engine of running.splice(0)) await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a fortune-tier customer of RM-1 whose risk is raised, then rises, then clears', () => {
    it('raises one alert under an id derived from the risk event, merges, then eases it', async () => {
      const engine = await start();
      const raised = riskEvent({ customerId: 'C-1', band: 'warning' });
      await feed(engine, [{ customerId: 'C-1', band: 'warning' }]);
      const alertId = alertIdForRisk(raised.event.id);
      const view = engine.engine.book.latestForCustomer('C-1');
      expect(view?.alertId).toBe(alertId);
      expect(view?.state).toMatchObject({
        status: 'open',
        severity: 'warning',
        holder: { kind: 'staff', staffId: 'RM-1' },
        informed: ['SUP-1'],
        causes: [{ riskEventId: raised.event.id, riskEventType: 'ChurnRiskRaised' }],
      });

      await feed(engine, [
        {
          customerId: 'C-1',
          type: 'ChurnRiskChanged',
          sequence: 2,
          band: 'critical',
          previousBand: 'warning',
          signals: ['payroll-stopped', 'aum-decline'],
        },
        { customerId: 'C-1', type: 'ChurnRiskCleared', sequence: 3 },
      ]);
      expect(engine.engine.book.size).toBe(1);
      const state = engine.engine.book.get(alertId)?.state;
      expect(state).toMatchObject({ severity: 'critical', riskEased: true });
      expect(state?.signals.map((s) => s.code)).toEqual(['payroll-stopped', 'aum-decline']);
      expect(await typesOf(engine, alertId)).toEqual(
        expect.arrayContaining(['RetentionAlertRiskMerged', 'RetentionAlertRiskEased']),
      );
    });
  });

  describe('a risk event that reaches an alert whose clock has run out before the next tick', () => {
    it('fires the overdue escalation first, then applies the risk event', async () => {
      const engine = await start();
      const raised = riskEvent({ customerId: 'C-1', band: 'warning' });
      await feed(engine, [{ customerId: 'C-1', band: 'warning' }]);
      const alertId = alertIdForRisk(raised.event.id);
      clock.advance(10 * DAY);
      await feed(engine, [{ customerId: 'C-1', type: 'ChurnRiskCleared', sequence: 2 }]);
      const types = (await typesOf(engine, alertId)).filter((t) => t.startsWith('RetentionAlert'));
      expect(types).toEqual([
        'RetentionAlertRaised',
        'RetentionAlertEscalated',
        'RetentionAlertRiskEased',
      ]);
      expect(engine.engine.book.get(alertId)?.state).toMatchObject({
        level: 'supervisor',
        firedRules: ['rm/acknowledge'],
        riskEased: true,
      });
    });
  });

  describe('a bridge restarted without its checkpoint (a crash before the save)', () => {
    it('reads the same risk events again and appends nothing new', async () => {
      const first = await start();
      await feed(first, [
        { customerId: 'C-1' },
        { customerId: 'C-2', band: 'warning' },
        {
          customerId: 'C-1',
          type: 'ChurnRiskChanged',
          sequence: 2,
          signals: ['payroll-stopped', 'dormancy'],
        },
        { customerId: 'C-2', type: 'ChurnRiskCleared', sequence: 2, previousBand: 'warning' },
      ]);
      await first.engine.dispatcher.tick();
      const before = (await alertEvents(first.store)).map((e) => e.id);
      running.splice(0);
      await first.stop();

      const again = await start({ subscriberId: 'alerting-risk-bridge-after-crash' });
      const head = (await again.store.loadStream('customer-C-2')).at(-1)?.position ?? 0;
      await again.engine.bridge?.settled(head);
      await again.engine.dispatcher.tick();
      expect((await alertEvents(again.store)).map((e) => e.id)).toEqual(before);
    });

    it('resumes after its checkpoint when it was saved', async () => {
      const first = await start();
      await feed(first, [{ customerId: 'C-1' }]);
      running.splice(0);
      await first.stop();
      const again = await start();
      expect(again.engine.bridge?.checkpoint).toBeGreaterThan(0);
      expect(again.engine.bridge?.received).toBe(again.engine.bridge?.checkpoint);
    });
  });

  describe('a customer whose case was resolved', () => {
    it('reopens it when the risk rises again within the reopen window', async () => {
      const engine = await start();
      await feed(engine, [{ customerId: 'C-1', band: 'warning' }]);
      const alertId = engine.engine.book.latestForCustomer('C-1')?.alertId ?? '';
      clock.advance(DAY);
      const { appended } = await engine.engine.repository.execute(
        alertId,
        resolveCommand('RM-1', clock.iso),
      );
      await engine.engine.book.caughtUpTo(appended.at(-1)?.position ?? 0);
      clock.advance(3 * DAY);
      await feed(engine, [
        {
          customerId: 'C-1',
          type: 'ChurnRiskChanged',
          sequence: 2,
          band: 'critical',
          previousBand: 'warning',
        },
      ]);
      expect(engine.engine.book.latestForCustomer('C-1')?.alertId).toBe(alertId);
      expect(engine.engine.book.get(alertId)?.state).toMatchObject({
        status: 'open',
        reopenings: 1,
      });
    });

    it('holds back a new raise of no higher severity within the throttle window', async () => {
      const engine = await start();
      await feed(engine, [{ customerId: 'C-1' }]);
      const alertId = engine.engine.book.latestForCustomer('C-1')?.alertId ?? '';
      const { appended } = await engine.engine.repository.execute(
        alertId,
        resolveCommand('RM-1', clock.iso),
      );
      await engine.engine.book.caughtUpTo(appended.at(-1)?.position ?? 0);
      clock.advance(20 * DAY);
      const next = riskEvent({ customerId: 'C-1', sequence: 2 });
      await feed(engine, [{ customerId: 'C-1', sequence: 2 }]);
      expect(await typesOf(engine, alertIdForRisk(next.event.id))).toEqual([
        'RetentionAlertRaiseSuppressed',
      ]);
      expect(engine.engine.book.latestForCustomer('C-1')?.alertId).toBe(alertId);
    });
  });

  describe('an ordinary-tier customer at watch', () => {
    it('opens no alert: the tier alerts only at critical', async () => {
      const engine = await start();
      await feed(engine, [{ customerId: 'C-9', tier: 'ordinary', band: 'watch' }]);
      expect(engine.engine.book.size).toBe(0);
      expect(await alertEvents(engine.store)).toEqual([]);
    });
  });
});
