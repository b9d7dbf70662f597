import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessStream } from '@churn/alerting';
import { customerStream } from '@churn/ingestion';
import { loadRiskPolicy, RiskEngine } from '@churn/risk';
import { parse, stringify } from 'yaml';
import {
  startAuditTestApp,
  type ApiResponse,
  type AuditTestApp,
} from '../access/testing/audit-test-app';
import { storedBranch, type StoredBranch } from '../access/testing/branch-fixture';
import { SHIPPED_RISK_POLICY, SHIPPED_RISK_VERSION } from '../access/testing/stored-history';
import { RISK_EVENT_TYPES } from '../as-of/audit-fold';
import { RiskPolicyRegistry } from './risk-policy-registry';

const WHAT_IF_VERSION = `${SHIPPED_RISK_VERSION}-watch-25`;

/** The shipped policy with the watch band lowered from 35 to 25: more customers at risk. */
const policyDirectory = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-policies-'));
  copyFileSync(SHIPPED_RISK_POLICY, join(dir, 'risk-policy.yaml'));
  const document = parse(readFileSync(SHIPPED_RISK_POLICY, 'utf8')) as {
    version: string;
    bands: { watch: number };
  };
  document.version = WHAT_IF_VERSION;
  document.bands.watch = 25;
  writeFileSync(join(dir, 'risk-policy-watch-25.yaml'), stringify(document));
  return dir;
};

describe('re-running the risk engine over customers of a simulated branch', () => {
  const policies = policyDirectory();
  let branch: StoredBranch;
  let api: AuditTestApp;
  let atRisk: string[];

  beforeAll(async () => {
    branch = await storedBranch('audit-rerun', { seed: 3, customers: 400, years: 2 });
    api = await startAuditTestApp({
      store: branch.store,
      policies: RiskPolicyRegistry.fromDirectory(policies),
    });
    atRisk = [
      ...new Set((await branch.riskEvents()).map((e) => e.stream.slice('customer-'.length))),
    ];
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    branch?.remove();
    rmSync(policies, { recursive: true, force: true });
  });

  it('reproduces the recorded risk events of every customer the engine judged at risk', async () => {
    expect(atRisk.length).toBeGreaterThanOrEqual(5);
    for (const customerId of atRisk) {
      const { status, body } = await api.get(`/audit/customers/${customerId}/rerun`);
      expect(status).toBe(200);
      expect({ customerId, differences: body.differences }).toEqual({
        customerId,
        differences: [],
      });
      expect(body.reproduced).toBe(true);
      expect(body.rederived.map((e: { eventId: string }) => e.eventId)).toEqual(
        body.recorded.map((e: { eventId: string }) => e.eventId),
      );
      expect(body.policy.version).toBe(SHIPPED_RISK_VERSION);
    }
  }, 120_000);

  it("reproduces the silence of customers whose employer's whole batch stopped (one employer alert, not one each)", async () => {
    const moved = branch.simulation.labels.filter((l) => l.journey === 'employer-moved-payroll');
    expect(moved.length).toBeGreaterThan(0);
    for (const { customerId } of moved) {
      const { body } = await api.get(`/audit/customers/${customerId}/rerun`);
      expect(body.reproduced).toBe(true);
      const days = body.branchContext.employers.map(
        (e: { daysWithMissingBatch: number }) => e.daysWithMissingBatch,
      );
      expect(Math.max(...days)).toBeGreaterThan(0);
    }
  }, 60_000);

  it('needs the branch: the engine fed one customer alone decides otherwise for some', async () => {
    let differing = 0;
    for (const customerId of atRisk) {
      const events = await branch.store.loadStream(customerStream(customerId));
      const alone = new RiskEngine(loadRiskPolicy(SHIPPED_RISK_POLICY));
      const decided = events
        .flatMap((e) => alone.handle(e))
        .filter((o) => o.stream === customerStream(customerId));
      const recorded = events.filter((e) => RISK_EVENT_TYPES.has(e.type)).map((e) => e.id);
      if (JSON.stringify(decided.map((o) => o.event.id)) !== JSON.stringify(recorded)) differing++;
    }
    expect(differing).toBeGreaterThan(0);
  }, 60_000);

  it('shows what a policy with a lower watch band would have recorded instead', async () => {
    // The first customer at risk whose decisions a lower watch band changes (some it does not).
    let customerId = '';
    let body: ApiResponse['body'] = undefined;
    for (const candidate of atRisk) {
      ({ body } = await api.get(`/audit/customers/${candidate}/rerun?whatIf=${WHAT_IF_VERSION}`));
      customerId = candidate;
      if (body?.whatIf?.changed === true) break;
    }
    expect(body.reproduced).toBe(true);
    expect(body.whatIf).toMatchObject({
      policy: {
        version: WHAT_IF_VERSION,
        file: expect.stringMatching(/risk-policy-watch-25\.yaml$/),
      },
      changed: true,
    });
    expect(body.whatIf.events.length).toBeGreaterThan(0);
    for (const e of body.whatIf.events) expect(e.policyVersion).toBe(WHAT_IF_VERSION);
    expect(body.whatIf.differences.length).toBeGreaterThan(0);
    const byFile = await api.get(
      `/audit/customers/${customerId}/rerun?policy=risk-policy-watch-25.yaml`,
    );
    expect(byFile.body.policy.version).toBe(WHAT_IF_VERSION);
    expect(byFile.body.reproduced).toBe(false);
    expect(byFile.body.limitations.join(' ')).toContain(`recorded under ${SHIPPED_RISK_VERSION}`);
  }, 60_000);

  it('refuses a policy it does not know, naming the field and the versions it knows', async () => {
    const { status, body } = await api.get(
      `/audit/customers/${atRisk[0]}/rerun?policy=../../etc/passwd`,
    );
    expect(status).toBe(400);
    expect(body.fields).toEqual([
      { field: 'policy', problems: [expect.stringContaining(`${SHIPPED_RISK_VERSION} (`)] },
    ]);
  });

  it('records the re-run with the policies asked for', async () => {
    await api.get(`/audit/customers/${atRisk[0]}/rerun?whatIf=${WHAT_IF_VERSION}`, 'AUD-002');
    const log = await branch.store.loadStream(accessStream('AUD-002'));
    expect(log[log.length - 1]?.data).toMatchObject({
      customerIds: [atRisk[0]],
      query: { whatIf: WHAT_IF_VERSION },
    });
  });
});
