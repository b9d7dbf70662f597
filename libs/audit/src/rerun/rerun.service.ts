import { badField, type StaffPrincipal } from '@churn/alerting';
import { bankDate } from '@churn/domain-kernel';
import { EVENT_STORE, type OpenedEventStore, type RecordedEvent } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { RISK_POLICIES } from '../access/audit-ports';
import { AuditScope } from '../access/audit-scope';
import { RISK_EVENT_TYPES } from '../as-of/audit-fold';
import { AuditReadModels } from '../history/audit-read-models';
import type { BranchClock } from './branch-clock.projection';
import { rerunCustomer } from './customer-rerun';
import {
  COMPARED_FIELDS,
  compareRiskEvents,
  summaryOf,
  WHAT_IF_FIELDS,
  type RiskEventDifference,
  type RiskEventSummary,
} from './rerun-comparison';
import type { RegisteredPolicy, RiskPolicyRegistry } from './risk-policy-registry';

const CONTEXT_SOURCE =
  "The engine quiets an employee's payroll-stopped signal while their employer's whole batch is " +
  'missing. Here that is judged, for each day closed, from the first credit of every batch of the ' +
  "customer's employers in the log before the fact that closed the day: what the engine running " +
  'the branch had, without reading the other employees.';

/** The re-run check (issue 6 §1): does the stored history give back the recorded risk events? */
@Injectable()
export class RerunService {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AuditScope) private readonly scope: AuditScope,
    @Inject(AuditReadModels) private readonly models: AuditReadModels,
    @Inject(AuditAccessLog) private readonly accessLog: AuditAccessLog,
    @Inject(RISK_POLICIES) private readonly policies: RiskPolicyRegistry,
  ) {}

  async rerun(
    staff: StaffPrincipal,
    route: string,
    customerId: string,
    policy?: string,
    whatIf?: string,
  ) {
    const history = await this.scope.customer(staff, customerId);
    const events = await this.opened.store.loadStream(customerStream(customerId), {
      toRevision: history.head.lastRevision,
    });
    const recordedEvents = events.filter((e) => RISK_EVENT_TYPES.has(e.type));
    const recorded = recordedEvents.map((e) => summaryOf(e.id, e.type, e.data));
    const chosen = this.policyFor('policy', policy, recorded);
    const other = whatIf === undefined ? null : this.policyFor('whatIf', whatIf, recorded);
    const clock = await this.models.clockAt(events[events.length - 1]?.position ?? 0);
    const run = rerunCustomer(customerId, events, clock, chosen.loaded);
    const rederived = run.derived.map((o) => summaryOf(o.event.id, o.event.type, o.event.data));
    const differences = compareRiskEvents(recorded, rederived);
    const result = {
      customerId,
      policy: { version: chosen.version, file: chosen.file },
      recordedPolicyVersions: versionsOf(recordedEvents),
      reproduced: differences.length === 0,
      compared: COMPARED_FIELDS,
      recorded,
      rederived,
      differences: differences.map((d) => named(d, 'rederived')),
      replay: replayOf(run, clock),
      branchContext: { source: CONTEXT_SOURCE, employers: run.employers },
      limitations: limitationsOf(recordedEvents, differences, chosen),
      whatIf: other === null ? null : this.whatIf(customerId, events, clock, other, recorded),
    };
    await this.accessLog.record(staff, {
      route,
      customerIds: [customerId],
      alertIds: [],
      query: { policy, whatIf },
    });
    return result;
  }

  private whatIf(
    customerId: string,
    events: readonly RecordedEvent[],
    clock: BranchClock,
    policy: RegisteredPolicy,
    recorded: readonly RiskEventSummary[],
  ) {
    const run = rerunCustomer(customerId, events, clock, policy.loaded);
    const derived = run.derived.map((o) => summaryOf(o.event.id, o.event.type, o.event.data));
    const differences = compareRiskEvents(recorded, derived, WHAT_IF_FIELDS);
    return {
      policy: { version: policy.version, file: policy.file },
      compared: WHAT_IF_FIELDS,
      events: derived,
      differences: differences.map((d) => named(d, 'whatIf')),
      changed: differences.length > 0,
    };
  }

  /** Asked for by version or file name; by default the version the last risk event recorded. */
  private policyFor(
    field: 'policy' | 'whatIf',
    asked: string | undefined,
    recorded: readonly RiskEventSummary[],
  ): RegisteredPolicy {
    const wanted = asked ?? recorded[recorded.length - 1]?.policyVersion ?? this.current();
    const found = this.policies.find(wanted);
    if (found !== undefined) return found;
    const known = this.policies.versions.map((v) => `${v.version} (${v.file})`).join(', ');
    if (asked !== undefined)
      throw badField(
        field,
        `${field} ${asked} is no known policy version or file; known: ${known}`,
      );
    throw new UnprocessableEntityException(
      `the risk events were recorded under policy ${wanted}, which is no known policy file (known: ${known}); pass policy=`,
    );
  }

  private current(): string {
    const shipped = this.policies.find('risk-policy.yaml');
    return shipped?.version ?? this.policies.versions[0]?.version ?? 'none';
  }
}

const versionsOf = (events: readonly RecordedEvent[]) => {
  const counts = new Map<string, number>();
  for (const e of events) {
    const v = (e.data as { policyVersion: string }).policyVersion;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([version, count]) => ({ version, events: count }));
};

const named = (d: RiskEventDifference, second: 'rederived' | 'whatIf') => ({
  sequence: d.sequence,
  kind: d.kind,
  fields: d.fields,
  recorded: d.first,
  [second]: d.second,
});

const replayOf = (run: ReturnType<typeof rerunCustomer>, clock: BranchClock) => ({
  factsFed: run.factsFed,
  clockTicks: run.clockTicks,
  throughPosition: clock.position,
  branchDay: clock.businessDay === null ? null : bankDate(clock.businessDay),
});

const limitationsOf = (
  recorded: readonly RecordedEvent[],
  differences: readonly RiskEventDifference[],
  policy: RegisteredPolicy,
): string[] => {
  const notes: string[] = [];
  const versions = versionsOf(recorded);
  if (versions.length > 1 || (versions[0] !== undefined && versions[0].version !== policy.version))
    notes.push(
      `risk events were recorded under ${versions.map((v) => `${v.version} (${v.events})`).join(', ')}; ` +
        `this re-run used ${policy.version} throughout, so events of another version cannot match`,
    );
  if (differences.length > 0 && differences.every((d) => d.kind === 'extra'))
    notes.push(
      'every recorded event was re-derived; the extra ones follow them: the risk engine may not ' +
        'have reached the end of the log when the store was read',
    );
  return notes;
};
