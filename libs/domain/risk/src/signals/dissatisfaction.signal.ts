import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerState } from '@churn/domain-customer';
import type {
  ComplaintEvidence,
  LeavingIntentEvidence,
  RiskEvidence,
  SurveyEvidence,
} from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText } from './explain';
import { clampStrength, evidenceIds, measure, type Signal } from './signal';

/**
 * Dissatisfaction (DOMAIN.md §4: complaints; 56.6% dissatisfied with efficiency; survey NPS
 * −3.28%; yield-chasing, "competitors offering higher rates"). Any complaint within
 * `complaintDays`; a latest survey answer within `surveyDays` that is a detractor (0 to
 * `detractorMaxScore`, 6 on the thesis's 0–10 scale; a later answer replaces an earlier one: a
 * detractor who has since answered 9 is not dissatisfied); or a contact within
 * `leavingIntentDays` in which the customer said they would move money or bank elsewhere
 * (`leavingIntentOf`: another bank's rates, a transfer out, a change of bank). Strength combines
 * the complaints' severity weights, the detractor's (`weights.detractor` at 0, half of it at 6)
 * and the stated intent's (`weights.leavingIntent.elsewhere`) as 1 − Π(1 − sᵢ): each adds.
 */
export const dissatisfaction = (
  _customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { complaintDays, surveyDays } = policy.windows;
  const { detractorMaxScore } = policy.thresholds.dissatisfaction;
  const complaints = evidence.complaints.filter(
    (c) => c.day > asOfDay - complaintDays && c.day <= asOfDay,
  );
  const survey = latestSurvey(evidence, asOfDay, surveyDays);
  const detractor = survey !== undefined && survey.score <= detractorMaxScore ? survey : undefined;
  // Weighted 0 (DEFAULT_RISK_POLICY), a stated intent is not part of the signal at all.
  const intents = evidence.leavingIntents.filter(
    (i) =>
      policy.weights.leavingIntent.elsewhere > 0 &&
      i.intent === 'elsewhere' &&
      i.day > asOfDay - policy.windows.leavingIntentDays &&
      i.day <= asOfDay,
  );
  if (complaints.length === 0 && detractor === undefined && intents.length === 0) return null;
  const strengths = complaints.map((c) => policy.weights.complaintBySeverity[c.severity]);
  // Half of the detractor weight for the mildest detractor (6), all of it for 0.
  if (detractor !== undefined)
    strengths.push(
      Math.floor(
        (policy.weights.detractor *
          (5_000 +
            Math.floor(
              (5_000 * (detractorMaxScore - detractor.score)) / Math.max(1, detractorMaxScore),
            ))) /
          10_000,
      ),
    );
  if (intents.length > 0) strengths.push(policy.weights.leavingIntent.elsewhere);
  let satisfied = 10_000;
  for (const s of strengths) satisfied = Math.floor((satisfied * (10_000 - s)) / 10_000);
  const strength = clampStrength(10_000 - satisfied);
  return dissatisfactionSignal(complaints, detractor, intents, strength, policy);
};

const dissatisfactionSignal = (
  complaints: readonly ComplaintEvidence[],
  detractor: SurveyEvidence | undefined,
  intents: readonly LeavingIntentEvidence[],
  strength: number,
  policy: RiskPolicy,
): Signal => {
  const measures = [measure('complaints', complaints.length, 1, 'count')];
  const said = complaints.map((c) => `a ${c.severity}-severity complaint on ${dateText(c.day)}`);
  const ids = complaints.map((c) => c.eventId);
  if (intents.length > 0) {
    measures.push(measure('said-would-move-elsewhere', intents.length, 1, 'count'));
    said.push(
      ...intents.map(
        (i) => `told the bank on ${dateText(i.day)} of moving money or banking elsewhere`,
      ),
    );
    ids.push(...intents.map((i) => i.eventId));
  }
  if (detractor !== undefined) {
    const { detractorMaxScore } = policy.thresholds.dissatisfaction;
    measures.push(measure('survey-score', detractor.score, detractorMaxScore, 'score'));
    said.push(`a survey answer of ${detractor.score} out of 10 on ${dateText(detractor.day)}`);
    ids.push(detractor.eventId);
  }
  return {
    code: 'dissatisfaction',
    strengthBasisPoints: strength,
    evidenceEventIds: evidenceIds(ids),
    measures,
    explanation: `Dissatisfied: ${said.join('; ')}`,
  };
};

const latestSurvey = (
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  surveyDays: number,
): SurveyEvidence | undefined => {
  const latest = evidence.surveys[evidence.surveys.length - 1];
  return latest !== undefined && latest.day > asOfDay - surveyDays && latest.day <= asOfDay
    ? latest
    : undefined;
};
