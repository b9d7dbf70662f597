import { riskEventName, type ChurnRiskEvent, type EmployerPayrollAtRisk } from '@churn/domain-risk';
import { uuidV5 } from '@churn/ingestion';

/**
 * The namespace of every id the risk engine derives: uuidV5(URL_NAMESPACE,
 * 'urn:churn-early-warning:risk'), written out so it can never drift (a test checks the
 * derivation). Changing it would give every re-derived risk event a new id: never change it.
 */
export const RISK_NAMESPACE = '3379bfa9-21b7-59d0-89d3-dea887ac68ca';

/**
 * A risk event's id, derived from its causes (ARCHITECTURE.md principle 3): a replay or a retry
 * after a crash decides the same event from the same facts and so appends nothing new.
 */
export const churnRiskEventId = (event: ChurnRiskEvent): string =>
  uuidV5(RISK_NAMESPACE, riskEventName(event));

/** `|` and `%` inside a part are escaped, as in the other derived names. */
const part = (text: string): string => text.replace(/%/g, '%25').replace(/\|/g, '%7C');

/**
 * An employer alert is reported once per employer, reason and bank month (one alert for a whole
 * missing batch, not thousands); its name carries exactly those, plus the policy version.
 */
export const employerAlertName = (
  event: EmployerPayrollAtRisk,
  month: string,
  newCodes: readonly string[],
): string =>
  [
    'employer-payroll-at-risk',
    part(event.data.employerId),
    month,
    newCodes.join(','),
    part(event.data.policyVersion),
  ].join('|');

export const employerAlertId = (
  event: EmployerPayrollAtRisk,
  month: string,
  newCodes: readonly string[],
): string => uuidV5(RISK_NAMESPACE, employerAlertName(event, month, newCodes));
