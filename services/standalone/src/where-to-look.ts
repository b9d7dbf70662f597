import { consoleBuilt } from '@churn/console';
import type { StandaloneSettings } from './settings';

/** What a newcomer needs after `npm start`: where to look, and what is not there yet. */
export const printWhereToLook = (
  url: string,
  settings: StandaloneSettings,
  policyVersion: string,
): void => {
  const base = url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(
    [
      '',
      'Churn early warning — standalone, on the embedded store',
      `  data:            ${settings.storePath} (survives restarts)`,
      consoleBuilt(settings.consoleDir)
        ? `  web console:     ${base}/console/   (zh-CN / English; demo logins for every role on its first page)`
        : `  web console:     not built here: run npm run build:console (npm start does it first)`,
      `  risk policy:     ${policyVersion} from ${settings.riskPolicyFile}`,
      `  alerts (RM API): ${base}/alerts   with a bearer token; OpenAPI ${base}/api/docs  (${base}/api/openapi.json)`,
      ...(settings.demoLogins
        ? [
            `  demo logins:     curl -s -X POST ${base}/auth/demo-login -H 'content-type: application/json' -d '{"staffId":"RM-001"}'`,
            '                   staff ids: RM-001..RM-040 (relationship managers), SUP-W1..W4 / SUP-R1..R3 (supervisors),',
            '                   BH-001 (branch head), AUD-001 (auditor), OPS-001 (operator); from deploy/directory/branch-staff.yaml',
          ]
        : []),
      `  SLA clock:       ${settings.alertingClockSpeed === 1 ? 'real time' : `${settings.alertingClockSpeed}× real time (ALERTING_CLOCK_SPEED), so escalations show within minutes`}`,
      `  audit API:       ${base}/audit/customers/<id>/events | /state?at= | /timeline | /risk-decisions | /rerun,`,
      `                   ${base}/audit/alerts/<id>/explanation, ${base}/audit/branch/tier-counts …; OpenAPI ${base}/audit/api/docs`,
      '                   (every customer read needs a bearer token, is scoped to the caller and recorded)',
      `  metrics:         ${base}/metrics   (risk_engine_position, churn_alerts_open, churn_alert_escalations_total, …)`,
      `  health:          ${base}/health`,
      '  feed a file:     npm run ingest -- <feed.ndjson>   (see libs/ingestion/CONTRACTS.md)',
      '',
      '  wired:           event store, risk engine (ChurnRiskRaised/Changed/Cleared on customer-<id>,',
      '                   EmployerPayrollAtRisk on employer-<id>), alerting (alert-<id> streams, escalation timers, inbox',
      '                   notifications; e-mail/webhook/Kafka when ALERTING_SMTP_HOST / ALERTING_WEBHOOK_SECRET / KAFKA_BROKERS are set),',
      '                   audit API and branch analytics, web console',
      '  stop with Ctrl-C',
      '',
    ].join('\n'),
  );
};
