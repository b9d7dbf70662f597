import { decodeMessage } from './decode-message';
import { NOW, exampleEnvelope } from '../testing/messages';

const CONTACT = 'a contact logged';
const ONBOARDED = 'a customer onboarded';

const summaryOf = (summary: string) =>
  decodeMessage(exampleEnvelope(CONTACT, { summary }), { now: NOW });

describe('text written in Chinese, or with emoji', () => {
  it.each([
    ['2,000 CJK characters', '客'.repeat(2000)],
    ['2,000 emoji (4,000 UTF-16 units)', '💰'.repeat(2000)],
    [
      '2,000 characters mixing scripts',
      Array.from('RM 王经理致电客户 📞 ✔️ '.repeat(200)).slice(0, 2000).join(''),
    ],
    ['an empty summary', ''],
  ])('accepts a summary of %s: limits count characters', (_what, summary) => {
    const decoded = summaryOf(summary);
    expect(
      decoded.kind === 'facts' && (decoded.appends[0]?.event.data as { summary: string }).summary,
    ).toBe(summary);
  });

  it.each([
    ['2,001 CJK characters', '客'.repeat(2001)],
    ['2,001 emoji', '💰'.repeat(2001)],
  ])('refuses a summary of %s', (_what, summary) => {
    expect(summaryOf(summary)).toMatchObject({ reason: 'string-too-long', field: 'summary' });
  });

  it('keeps an occupation in Chinese as written', () => {
    const decoded = decodeMessage(
      exampleEnvelope(ONBOARDED, { occupation: '中学教师（高级职称）' }),
      { now: NOW },
    );
    expect(decoded.kind === 'facts' && decoded.appends[0]?.event.data).toMatchObject({
      occupation: '中学教师（高级职称）',
    });
  });

  it('accepts 64-character ids in any script and refuses 65', () => {
    const ok = decodeMessage(exampleEnvelope(CONTACT, { staffId: '员'.repeat(64) }), { now: NOW });
    expect(ok.kind).toBe('facts');
    const long = decodeMessage(exampleEnvelope(CONTACT, { staffId: '员'.repeat(65) }), {
      now: NOW,
    });
    expect(long).toMatchObject({ reason: 'string-too-long', field: 'staffId' });
  });

  it('matches a key and a body customer id written in Chinese', () => {
    const decoded = decodeMessage(
      exampleEnvelope(CONTACT, { customerId: '客户-张三' }, { key: '客户-张三' }),
      { now: NOW },
    );
    expect(decoded.kind === 'facts' && decoded.appends[0]?.stream).toBe('customer-客户-张三');
  });
});
