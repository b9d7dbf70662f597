import type { ComplaintSeverity } from '@churn/domain-facts';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day } from '../testing/customer-story';
import { dissatisfaction } from './dissatisfaction.signal';

type Said = readonly ['complaint', string, ComplaintSeverity] | readonly ['survey', string, number];

const said = (...what: readonly Said[]) => {
  const story = new CustomerStory().onboard('2024-01-01');
  for (const item of what)
    if (item[0] === 'complaint') story.complain(item[1], item[2]);
    else story.answerSurvey(item[1], item[2]);
  return story.fold();
};

describe('dissatisfaction: complaints and detractor survey answers (0–6)', () => {
  it.each([
    // [situation, fires, strength, what the customer said]
    ['a high-severity complaint 10 days ago', true, 8_000, [['complaint', '2024-06-20', 'high']]],
    [
      'a complaint 100 days ago: older than 90 days',
      false,
      0,
      [['complaint', '2024-03-22', 'high']],
    ],
    ['a survey answer of 3', true, 7_500, [['survey', '2024-06-01', 3]]],
    ['a survey answer of 6, the mildest detractor', true, 5_000, [['survey', '2024-06-01', 6]]],
    ['a survey answer of 0', true, 10_000, [['survey', '2024-06-01', 0]]],
    ['a passive answer of 7', false, 0, [['survey', '2024-06-01', 7]]],
    [
      'a detractor who has since answered 9',
      false,
      0,
      [
        ['survey', '2024-03-01', 4],
        ['survey', '2024-06-01', 9],
      ],
    ],
    [
      'a medium complaint and an answer of 6: 1 − 0.4 × 0.5',
      true,
      8_000,
      [
        ['complaint', '2024-06-20', 'medium'],
        ['survey', '2024-06-25', 6],
      ],
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, what) => {
    const { customer, evidence } = said(...what);
    const signal = dissatisfaction(customer, evidence, day('2024-06-30'), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('names the complaint and the answer, and explains them', () => {
    const { customer, evidence } = said(
      ['complaint', '2024-06-20', 'medium'],
      ['survey', '2024-06-25', 6],
    );
    expect(dissatisfaction(customer, evidence, day('2024-06-30'), policy)).toEqual({
      code: 'dissatisfaction',
      strengthBasisPoints: 8_000,
      evidenceEventIds: ['c1-2', 'c1-3'],
      measures: [
        { name: 'complaints', value: 1, threshold: 1, unit: 'count' },
        { name: 'survey-score', value: 6, threshold: 6, unit: 'score' },
      ],
      explanation:
        'Dissatisfied: a medium-severity complaint on 2024-06-20; a survey answer of 6 out of 10 on 2024-06-25',
    });
  });
});

describe('dissatisfaction: what the customer told the bank about leaving (policy 2026-11-3 keys)', () => {
  const told = {
    ...policy,
    weights: {
      ...policy.weights,
      detractor: 6_000,
      leavingIntent: { elsewhere: 10_000, 'not-renewing': 10_000 },
    },
  };

  it('given a rates enquiry naming another bank 20 days ago, when assessed, then it fires at the intent weight', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    const id = story.contact('2024-06-10', '客户询问大额存单利率，表示他行利率更高，考虑转出。');
    const { customer, evidence } = story.fold();
    const signal = dissatisfaction(customer, evidence, day('2024-06-30'), told);
    expect(signal?.strengthBasisPoints).toBe(10_000);
    expect(signal?.evidenceEventIds).toEqual([id]);
    expect(signal?.measures).toContainEqual({
      name: 'said-would-move-elsewhere',
      value: 1,
      threshold: 1,
      unit: 'count',
    });
    expect(signal?.explanation).toContain('told the bank on 2024-06-10 of moving money');
  });

  it('given the same enquiry 61 days ago, when assessed, then it no longer speaks (leavingIntentDays 60)', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.contact('2024-04-30', '客户询问大额存单利率，表示他行利率更高，考虑转出。');
    const { customer, evidence } = story.fold();
    expect(dissatisfaction(customer, evidence, day('2024-06-30'), told)).toBeNull();
  });

  it('given a routine question about certificates of deposit, when assessed, then nothing fires', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.contact('2024-06-10', '咨询大额存单');
    const { customer, evidence } = story.fold();
    expect(dissatisfaction(customer, evidence, day('2024-06-30'), told)).toBeNull();
  });

  it('given an answer of 0 alone, when the detractor weight is 6,000, then the strength is 6,000', () => {
    const { customer, evidence } = said(['survey', '2024-06-01', 0]);
    expect(dissatisfaction(customer, evidence, day('2024-06-30'), told)?.strengthBasisPoints).toBe(
      6_000,
    );
  });

  it('given the intents are weighted 0 (DEFAULT_RISK_POLICY), when a customer said they would leave, then nothing fires', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.contact('2024-06-10', '客户对投诉处理结果不满意，表示考虑更换银行。');
    const { customer, evidence } = story.fold();
    const signal = dissatisfaction(customer, evidence, day('2024-06-30'), policy);
    expect(signal?.strengthBasisPoints ?? 0).toBe(0);
  });
});
