/**
 * One pass over the raw JSON text for what JSON.parse and class-transformer lose:
 *
 * - a fraction or exponent written for an integer field: JSON.parse reads `1e5` and `100.0` as
 *   the integers 100000 and 100, so only the text shows the producer sent a float;
 * - a key named like a member of Object.prototype (`__proto__`, `constructor`, `toString`…):
 *   class-transformer skips such keys silently, so forbidNonWhitelisted would never see them;
 * - nesting deeper than any contract: class-transformer recurses into unknown fields before the
 *   validator refuses them, and a deep enough value would overflow the stack.
 *
 * Runs only on text JSON.parse accepted, so it never meets a syntax error. Strings are skipped
 * with indexOf, so a typical message costs about a microsecond.
 */
export type RawFault =
  | { readonly kind: 'fractional-integer'; readonly path: string; readonly key: string }
  | { readonly kind: 'reserved-key'; readonly path: string }
  | { readonly kind: 'too-deep'; readonly path: string };

interface Frame {
  readonly array: boolean;
  key: string;
  index: number;
}

const [QUOTE, BACKSLASH, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, COMMA, COLON, MINUS] =
  [34, 92, 123, 125, 91, 93, 44, 58, 45];

const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const scanRawJson = (
  text: string,
  integerKeys: ReadonlySet<string>,
  maxDepth: number,
): RawFault | undefined => {
  const frames: Frame[] = [];
  let expectKey = false;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = closingQuote(text, at);
      const top = frames[frames.length - 1];
      if (expectKey && top !== undefined && !top.array) {
        top.key = readKey(text.slice(at + 1, end));
        if (RESERVED_KEYS.has(top.key)) return { kind: 'reserved-key', path: pathOf(frames) };
      }
      at = end + 1;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (frames.length >= maxDepth) return { kind: 'too-deep', path: pathOf(frames) };
      frames.push({ array: code === OPEN_ARRAY, key: '', index: 0 });
      expectKey = code === OPEN_OBJECT;
      at++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      frames.pop();
      expectKey = false;
      at++;
    } else if (code === COMMA) {
      const top = frames[frames.length - 1];
      if (top?.array) top.index++;
      else expectKey = true;
      at++;
    } else if (code === COLON) {
      expectKey = false;
      at++;
    } else if (code === MINUS || (code >= 48 && code <= 57)) {
      const end = numberEnd(text, at);
      const top = frames[frames.length - 1];
      if (
        top !== undefined &&
        !top.array &&
        integerKeys.has(top.key) &&
        !isPlainInteger(text, at, end)
      ) {
        return { kind: 'fractional-integer', path: pathOf(frames), key: top.key };
      }
      at = end;
    } else {
      at++;
    }
  }
  return undefined;
};

/** Index of the quote closing the string opened at `open`; a quote after an odd run of backslashes is escaped. */
const closingQuote = (text: string, open: number): number => {
  let at = text.indexOf('"', open + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
};

/** A key as JSON.parse reads it: `"amount\u004dinor"` is `amountMinor`, and must be treated so. */
const readKey = (raw: string): string =>
  raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;

const numberEnd = (text: string, start: number): number => {
  let at = start + 1;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const numeric =
      (code >= 48 && code <= 57) ||
      code === 46 ||
      code === 101 ||
      code === 69 ||
      code === 43 ||
      code === MINUS;
    if (!numeric) break;
  }
  return at;
};

/** Only digits after an optional minus: no `.`, `e` or `E`. */
const isPlainInteger = (text: string, start: number, end: number): boolean => {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 46 || code === 101 || code === 69) return false;
  }
  return true;
};

/** `credits[3].amountMinor`: the path of the value the innermost frame is at. */
const pathOf = (frames: readonly Frame[]): string => {
  let path = '';
  for (const frame of frames) {
    if (frame.array) path += `[${frame.index}]`;
    else path += path === '' ? frame.key : `.${frame.key}`;
  }
  return path;
};
