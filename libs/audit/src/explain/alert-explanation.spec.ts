import type { AlertingEngine } from '@churn/alerting';
import { ManualClock } from '@churn/alerting/testing';
import { nextDeadline, type AlertCommand, type RaisedAlert } from '@churn/domain-alert';
import type { SourceCoordinates } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import {
  SHIPPED_CONFIG,
  startAuditTestApp,
  type AuditTestApp,
} from '../access/testing/audit-test-app';
import { alertingOver, storedBranch, type StoredBranch } from '../access/testing/branch-fixture';
import { SHIPPED_RISK_VERSION } from '../access/testing/stored-history';
import type { RawMessageReader } from './raw-messages';

/** Kafka as the audit API sees it: the message at each coordinate, as a broker would give it. */
const fakeKafka: RawMessageReader & { asked: SourceCoordinates[] } = {
  asked: [],
  async read(source) {
    this.asked.push(source);
    return {
      ...source,
      status: 'fetched',
      key: 'k',
      value: `{"at":"${source.offset}"}`,
      timestamp: '0',
      headers: {},
    };
  },
  close: async () => undefined,
};

describe('an alert worked from raise to resolution, explained to an auditor', () => {
  const clock = new ManualClock('2023-06-01T01:00:00.000Z'); // Thursday 09:00 in Beijing
  const { directory } = SHIPPED_CONFIG;
  let branch: StoredBranch;
  let engine: AlertingEngine;
  let api: AuditTestApp;
  let alert: RaisedAlert;
  let holder: string;
  let supervisor: string;

  const act = async (command: AlertCommand) => {
    const { state, appended } = await engine.repository.execute(alert.alertId, command);
    await engine.book.caughtUpTo(appended[appended.length - 1]?.position ?? 0);
    return state;
  };

  /** The book has folded everything the alert's stream holds (the dispatcher reads the book). */
  const settled = async () => {
    const { events } = await engine.repository.load(alert.alertId);
    await engine.book.caughtUpTo(events[events.length - 1]?.position ?? 0);
  };

  beforeAll(async () => {
    branch = await storedBranch('audit-explain', { seed: 3, customers: 200, years: 2 });
    ({ engine } = await alertingOver(branch, clock));
    const worked = [...engine.book.all()].find(
      (v) =>
        v.state.holder.kind === 'staff' &&
        v.state.customer.relationshipManagerId !== null &&
        // a risk since cleared stops the alert's clocks: no SLA would run out to escalate it
        v.state.causes.at(-1)?.riskEventType !== 'ChurnRiskCleared',
    );
    if (worked === undefined)
      throw new Error('no alert held by an RM and still at risk in the simulated branch');
    alert = worked.state;
    holder = alert.holder.kind === 'staff' ? alert.holder.staffId : '';
    clock.advance(20 * 60_000);
    await act({
      type: 'AcknowledgeAlert',
      data: { at: clock.iso, directory, actor: { staffId: holder } },
    });
    clock.advance(60 * 60_000);
    await act({
      type: 'LogContact',
      data: {
        at: clock.iso,
        directory,
        actor: { staffId: holder },
        channel: 'phone',
        summary: 'Called about the salary that stopped',
        nextStep: 'Meet at the branch',
        nextStepDueAt: null,
      },
    });
    const due = nextDeadline((await engine.repository.load(alert.alertId)).state);
    clock.set(new Date(Date.parse(due?.dueAt ?? clock.iso) + 60_000).toISOString());
    await engine.timers.tick();
    await settled();
    clock.advance(16 * 60_000); // past the digest window: watch and warning notices are grouped
    await engine.dispatcher.tick();
    await settled();
    const escalated = (await engine.repository.load(alert.alertId)).state as RaisedAlert;
    supervisor = escalated.holder.kind === 'staff' ? escalated.holder.staffId : '';
    clock.advance(30 * 60_000);
    alert = (await act({
      type: 'ResolveAlert',
      data: {
        at: clock.iso,
        directory,
        actor: { staffId: supervisor },
        outcome: 'retained',
        reason: 'rate',
        reasonText: null,
      },
    })) as RaisedAlert;
    await engine.stop();
    api = await startAuditTestApp({ store: branch.store, clock, rawMessages: fakeKafka });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    branch?.remove();
  });

  const explanation = async (as = 'AUD-001') =>
    api.get(`/audit/alerts/${alert.alertId}/explanation`, as);

  it('names the alert, its holder, level and resolution, and the policy versions that decided it', async () => {
    const { status, body } = await explanation();
    expect(status).toBe(200);
    expect(body.alert).toMatchObject({
      alertId: alert.alertId,
      status: 'resolved',
      customer: { customerId: alert.customer.customerId },
      level: 'supervisor',
      holder: { kind: 'staff', staffId: supervisor },
      resolution: { outcome: 'retained', reason: 'rate', by: supervisor },
    });
    expect(body.policies.alerting.version).toBe(SHIPPED_CONFIG.policy.version);
    expect(body.policies.risk).toEqual([
      expect.objectContaining({
        version: SHIPPED_RISK_VERSION,
        known: true,
        bands: expect.any(Object),
      }),
    ]);
  });

  it('explains each signal by its measures and the stored events behind it, down to the source message', async () => {
    const { body } = await explanation();
    const [cause] = body.causes;
    expect(cause).toMatchObject({
      found: true,
      riskPolicyVersion: SHIPPED_RISK_VERSION,
      band: expect.any(String),
    });
    expect(cause.signals.length).toBeGreaterThan(0);
    const stored = new Map(
      (await branch.store.loadStream(customerStream(alert.customer.customerId))).map((e) => [
        e.id,
        e,
      ]),
    );
    for (const signal of cause.signals) {
      expect(signal.explanation).toEqual(expect.any(String));
      for (const m of signal.measures)
        expect(m).toEqual({
          name: expect.any(String),
          value: expect.any(Number),
          threshold: expect.any(Number),
          unit: expect.any(String),
        });
      for (const evidence of signal.evidence) {
        const event = stored.get(evidence.eventId);
        expect(evidence).toMatchObject({
          found: true,
          type: event?.type,
          occurredAt: event?.metadata.occurredAt,
          source: event?.metadata.source,
          raw: { status: 'fetched', ...event?.metadata.source },
        });
      }
    }
  });

  it('lists who was told, by which channel, every attempt; the SLA escalation; every action with who and when', async () => {
    const { body } = await explanation();
    const recipients = body.notifications.map((n: { recipientId: string }) => n.recipientId);
    expect(recipients).toEqual(expect.arrayContaining([holder, supervisor]));
    for (const n of body.notifications) {
      expect(n.deliveredBy).toBe('inbox');
      expect(n.attempts.map((a: { channel: string }) => a.channel)).toEqual([
        'email',
        'webhook',
        'inbox',
      ]);
    }
    expect(body.escalations).toEqual([
      expect.objectContaining({
        fromLevel: 'rm',
        toLevel: 'supervisor',
        trigger: {
          kind: 'sla',
          rule: expect.stringMatching(/^rm\//),
          dueAt: expect.any(String),
          firedAt: expect.any(String),
        },
      }),
    ]);
    expect(body.actions.map((a: { action: string; by: string }) => [a.action, a.by])).toEqual([
      ['acknowledge', holder],
      ['contact', holder],
      ['resolve', supervisor],
    ]);
    expect(body.actions[1].details).toMatchObject({
      channel: 'phone',
      nextStep: 'Meet at the branch',
    });
  });

  it('is open to those who may see the alert, and to no one else', async () => {
    expect((await explanation(holder)).status).toBe(200);
    expect((await explanation(supervisor)).status).toBe(200);
    expect((await explanation('BH-001')).status).toBe(200);
    const other = directory.staff.find(
      (s) =>
        s.role === 'rm' &&
        s.staffId !== holder &&
        s.teamId !== null &&
        s.teamId !== directory.staff.find((h) => h.staffId === holder)?.teamId,
    );
    const refused = await explanation(other?.staffId);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'alert-not-found' });
    expect((await explanation('OPS-001')).status).toBe(403);
    expect((await api.get('/audit/alerts/no-such-alert/explanation')).status).toBe(404);
  });

  it("merges the alert's events into the customer's history in log order, page after page", async () => {
    const customerId = alert.customer.customerId;
    const items: { stream: string; position: number }[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await api.get(
        `/audit/customers/${customerId}/events?include=alerts&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const customerEvents = await branch.store.loadStream(customerStream(customerId));
    const alertEvents = await branch.store.loadStream(`alert-${alert.alertId}`);
    expect(items.map((i) => i.position)).toEqual(
      [...customerEvents, ...alertEvents].map((e) => e.position).sort((a, b) => a - b),
    );
  }, 30_000);

  it("shows the customer's risk decisions with the thresholds of their policy, and the alert on the chart", async () => {
    const customerId = alert.customer.customerId;
    const decisions = await api.get(`/audit/customers/${customerId}/risk-decisions`);
    expect(decisions.body.decisions.map((d: { eventId: string }) => d.eventId)).toContain(
      alert.causes[0]?.riskEventId,
    );
    expect(decisions.body.policies[0]).toMatchObject({
      version: SHIPPED_RISK_VERSION,
      bands: { watch: expect.any(Number) },
    });
    const timeline = await api.get(`/audit/customers/${customerId}/timeline?to=2023-06-30`);
    const kinds = new Set(timeline.body.markers.map((m: { kind: string }) => m.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['risk', 'alert', 'contact']));
  });

  it("shows a customer's data to their RM, their team's supervisor, the branch head and auditors only", async () => {
    const customerId = alert.customer.customerId;
    const rm = alert.customer.relationshipManagerId ?? '';
    const team = directory.staff.find((s) => s.staffId === rm)?.teamId;
    const ownSupervisor = directory.teams.find((t) => t.teamId === team)?.supervisorId ?? '';
    const otherSupervisor =
      directory.teams.find((t) => t.teamId !== team && t.supervisorId !== supervisor)
        ?.supervisorId ?? '';
    const otherRm =
      directory.staff.find((s) => s.role === 'rm' && s.teamId !== team)?.staffId ?? '';
    const state = (as: string) => api.get(`/audit/customers/${customerId}/state`, as);
    for (const reader of [rm, ownSupervisor, 'BH-001', 'AUD-001'])
      expect((await state(reader)).status).toBe(200);
    for (const outsider of [otherRm, otherSupervisor])
      expect((await state(outsider)).status).toBe(404);
    expect((await state('OPS-001')).status).toBe(403);
  });
});
