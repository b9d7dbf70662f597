import type { BankFact } from '@churn/domain-facts';
import { fact } from './fact-builders';
import type { Prng } from './prng';

export type RelationshipAct = 'complaint' | 'survey' | 'contact' | 'profile' | 'reassign';

/** Detractors outnumber promoters a little, as in the branch's survey (NPS −3.28%). */
const SURVEY_SCORES = [0, 2, 4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10] as const;

/** A fact of the customer relationship; efficiency complaints lead (56.6% dissatisfied, Table 3.11). */
export const relationshipFact = (
  act: RelationshipAct,
  rng: Prng,
  customerId: string,
  id: string,
  occurredAt: string,
): BankFact => {
  switch (act) {
    case 'complaint':
      return fact('ComplaintFiled', {
        customerId,
        complaintId: id,
        severity: rng.pick(['low', 'medium', 'high'] as const),
        category: rng.pick([
          'service',
          'efficiency',
          'efficiency',
          'fees',
          'product',
          'staff',
        ] as const),
        occurredAt,
      });
    case 'survey':
      return fact('SurveyAnswered', {
        customerId,
        surveyId: id,
        score: rng.pick(SURVEY_SCORES),
        occurredAt,
      });
    case 'contact':
      return fact('ContactLogged', {
        customerId,
        contactId: id,
        staffId: 'rm-1',
        channel: rng.pick(['phone', 'visit', 'branch', 'message'] as const),
        initiatedBy: rng.chance(0.7) ? 'bank' : 'customer',
        summary: 'regular review',
        occurredAt,
      });
    case 'profile':
      return fact('CustomerProfileChanged', {
        customerId,
        occupation: rng.pick(['manager', 'teacher', 'doctor']),
        occurredAt,
      });
    case 'reassign':
      return fact('RelationshipManagerAssigned', {
        customerId,
        rmId: `rm-${rng.int(1, 9)}`,
        teamId: 'team-1',
        occurredAt,
      });
  }
};
