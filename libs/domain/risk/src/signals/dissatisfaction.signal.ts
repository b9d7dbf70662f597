import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerState } from '@churn/domain-customer';
import type { ComplaintEvidence, RiskEvidence, SurveyEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText } from './explain';
import { clampStrength, evidenceIds, measure, type Signal } from './signal';

/**
 * Dissatisfaction (DOMAIN.md §4: complaints; 56.6% dissatisfied with efficiency; survey NPS
 * −3.28%). Any complaint within `complaintDays`, or a latest survey answer within `surveyDays`
 * that is a detractor (0 to `detractorMaxScore`, 6 on the thesis's 0–10 scale). A later answer
 * replaces an earlier one: a detractor who has since answered 9 is not dissatisfied. Strength
 * combines the complaints' severity weights and the detractor's (half at 6, full at 0) as
 * 1 − Π(1 − sᵢ): each adds, none alone reaches certainty.
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
  if (complaints.length === 0 && detractor === undefined) return null;
  const strengths = complaints.map((c) => policy.weights.complaintBySeverity[c.severity]);
  // Half strength for the mildest detractor (6), full for 0.
  if (detractor !== undefined)
    strengths.push(
      5_000 +
        Math.floor(
          (5_000 * (detractorMaxScore - detractor.score)) / Math.max(1, detractorMaxScore),
        ),
    );
  let satisfied = 10_000;
  for (const s of strengths) satisfied = Math.floor((satisfied * (10_000 - s)) / 10_000);
  return dissatisfactionSignal(complaints, detractor, clampStrength(10_000 - satisfied), policy);
};

const dissatisfactionSignal = (
  complaints: readonly ComplaintEvidence[],
  detractor: SurveyEvidence | undefined,
  strength: number,
  policy: RiskPolicy,
): Signal => {
  const measures = [measure('complaints', complaints.length, 1, 'count')];
  const said = complaints.map((c) => `a ${c.severity}-severity complaint on ${dateText(c.day)}`);
  const ids = complaints.map((c) => c.eventId);
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
