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
      `  branch overview: ${base}/branch/overview`,
      `  one customer:    ${base}/customers/<customerId>`,
      `  churn risk:      ${base}/customers/<customerId>/risk   (risk engine, policy ${policyVersion} from ${settings.riskPolicyFile})`,
      `  metrics:         ${base}/metrics   (risk_engine_position, risk_events_raised_total, …)`,
      `  health:          ${base}/health`,
      '  feed a file:     npm run ingest -- <feed.ndjson>   (see libs/ingestion/CONTRACTS.md)',
      '',
      '  wired:           event store, branch read models, risk engine (ChurnRiskRaised/Changed/Cleared on customer-<id>,',
      '                   EmployerPayrollAtRisk on employer-<id>)',
      '  not yet wired:   alerting and escalation, web console (see README "Status")',
      '  stop with Ctrl-C',
      '',
    ].join('\n'),
  );
};
