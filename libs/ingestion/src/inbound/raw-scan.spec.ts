import { scanRawJson } from './raw-scan';

const INTEGERS: ReadonlySet<string> = new Set(['amountMinor', 'score']);
const scan = (text: string, maxDepth = 8) => scanRawJson(text, INTEGERS, maxDepth);

describe('the raw-text scan', () => {
  it.each([
    ['{"amountMinor":1e5}', 'amountMinor'],
    ['{"a":"x","amountMinor" : 100.0}', 'amountMinor'],
    ['{"credits":[{"amountMinor":1},{"amountMinor":2E3}]}', 'credits[1].amountMinor'],
    ['{"x":{"y":[[],{"score":7.0}]}}', 'x.y[1].score'],
    ['{"s":"\\"quoted\\" \\\\","amountMinor":-1.5}', 'amountMinor'],
  ])('finds the fraction or exponent in %s at %s', (text, path) => {
    expect(scan(text)).toEqual({
      kind: 'fractional-integer',
      path,
      key: path
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/, ''),
    });
  });

  it.each([
    '{"amountMinor":100}',
    '{"amountMinor":-7}',
    '{"other":1.5,"amountMinor":1}',
    '{"note":"amountMinor\\":1e5","amountMinor":1}',
    '{"list":[1.5, 2e3],"amountMinor":3}',
  ])('lets %s through', (text) => {
    expect(scan(text)).toBeUndefined();
  });

  it.each([
    ['{"__proto__":{}}', '__proto__'],
    ['{"a":[{"constructor":1}]}', 'a[0].constructor'],
    ['{"a":{"hasOwnProperty":1}}', 'a.hasOwnProperty'],
    ['{"\\u005f_proto__":1}', '__proto__'],
  ])('finds the reserved name in %s', (text, path) => {
    expect(scan(text)).toEqual({ kind: 'reserved-key', path });
  });

  it('names a value like "constructor" without objection', () => {
    expect(scan('{"occupation":"constructor"}')).toBeUndefined();
  });

  it('stops at the nesting limit', () => {
    expect(scan('{"a":{"b":[1]}}', 3)).toBeUndefined();
    expect(scan('{"a":{"b":[[1]]}}', 3)).toEqual({ kind: 'too-deep', path: 'a.b[0]' });
  });
});
