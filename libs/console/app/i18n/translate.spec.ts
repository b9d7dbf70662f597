import { en } from './en';
import { translate, translateWord } from './translate';
import { zhCN } from './zh-CN';

describe('the two languages of the console', () => {
  it('have the same messages with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(zhCN[key])]).toEqual([key, placeholders(en[key])]);
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('fill placeholders', () => {
    expect(translate('en', 'sla.left', { h: 3, m: 5 })).toBe('3 h 5 min left');
    expect(translate('zh-CN', 'sla.left', { h: 3, m: 5 })).toBe('剩余 3 小时 5 分钟');
  });

  it('name the tiers as the thesis does', () => {
    expect(translateWord('zh-CN', 'tier', 'fortune')).toBe('财富级');
    expect(translateWord('zh-CN', 'tier', 'private-banking')).toBe('私行级');
  });

  it('show a word a newer server uses as it is', () => {
    expect(translateWord('zh-CN', 'signal', 'moon-phase')).toBe('moon-phase');
  });
});
