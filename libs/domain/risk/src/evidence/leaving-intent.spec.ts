import { leavingIntentOf } from './leaving-intent';

describe('leavingIntentOf: what a contact note says about leaving', () => {
  it.each([
    ['客户询问大额存单利率，表示他行利率更高，考虑转出。', 'elsewhere'],
    ['客户对投诉处理结果不满意，表示考虑更换银行。', 'elsewhere'],
    ['产品到期提醒，客户表示暂不续存。', 'not-renewing'],
    ['产品到期提醒', null],
    ['咨询大额存单', null],
    ['资产配置回顾', null],
    ['生日祝福', null],
  ] as const)('given the note "%s", then the intent is %s', (summary, intent) =>
    expect(leavingIntentOf(summary)).toBe(intent),
  );
});
