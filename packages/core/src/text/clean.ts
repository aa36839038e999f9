/**
 * Cleaning text extracted from PDF and Word files. Extraction breaks words with spaces (`专职 人员补贴`, `3, 986. 34`,
 * `实施周期指标 值`) and pdf.js returns some ideographs as Kangxi radicals (目 as U+2F6C). These helpers undo that
 * without touching what the document says.
 */

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width punctuation and CJK symbols that sit between Chinese characters without spaces. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0]+(?=[${CJK}${CJK_PUNCT}])`, 'g');
const SPACE_AFTER_CJK_BEFORE_ASCII_PUNCT = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[()（）\\[\\]<>《》])`, 'g');
const SPACE_AFTER_ASCII_PUNCT_BEFORE_CJK = new RegExp(`([()（）\\[\\]<>《》])[ \\t\\u00a0]+(?=[${CJK}])`, 'g');
const SPACE_CJK_ALNUM = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t\\u00a0]+(?=[0-9A-Za-z%≥≤<>=])|([0-9A-Za-z%])[ \\t\\u00a0]+(?=[${CJK}${CJK_PUNCT}])`, 'g');
const HAS_CJK = new RegExp(`[${CJK}]`);

/** True when the string contains at least one Chinese character. */
export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/**
 * Maps Kangxi radicals (U+2F00–U+2FDF) and CJK radical supplements (U+2E80–U+2EFF) to the ideographs they stand for,
 * turns no-break and ideographic spaces into plain spaces and line ends into `\n`. Only those characters are
 * NFKC-normalised: normalising everything would also turn the full-width `：` into `:`.
 */
export function normalizeExtractedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (ch) => ch.normalize('NFKC'))
    .replace(/[\u00a0\u3000\u2002-\u200a]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

/** Full-width digits, letters and the full-width percent sign to ASCII; everything else as it was. */
export function toHalfWidthAlnum(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Removes the spaces that extraction put inside Chinese text: between two Chinese characters or full-width
 * punctuation marks, between Chinese and brackets, and between Chinese and digits (`不少于 600 次` → `不少于600次`,
 * the spacing Word adds on screen). Spaces between two Latin words stay.
 */
export function compactCjk(text: string): string {
  let out = text;
  // Twice, because a single pass cannot remove overlapping matches such as `甲 乙 丙`.
  for (let i = 0; i < 2; i++) {
    out = out
      .replace(SPACE_BETWEEN_CJK, '$1')
      .replace(SPACE_AFTER_CJK_BEFORE_ASCII_PUNCT, '$1')
      .replace(SPACE_AFTER_ASCII_PUNCT_BEFORE_CJK, '$1')
      .replace(SPACE_CJK_ALNUM, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  }
  return out;
}

/**
 * Cleans a name or a sentence taken from a document: normalises, drops line breaks and extraction spaces,
 * collapses runs of white space and trims. Returns null for an empty result.
 */
export function cleanCell(text: string | null | undefined): string | null {
  if (text == null) return null;
  // Split then trim rather than a `\s*\n\s*` replace: that pattern backtracks quadratically on a long run of spaces.
  const lines = normalizeExtractedText(text).split('\n').map((l) => l.trim());
  // A line break inside a cell is a wrap, not a word boundary, unless both sides are Latin letters or digits.
  // Parts joined once, looking only at the previous line's last character: testing `/[A-Za-z0-9]$/` on the growing
  // text is tried from every position, and reading a character of a concatenated string flattens it (both quadratic).
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (!line) continue;
    if (last && /[A-Za-z0-9]/.test(last[last.length - 1]!) && /^[A-Za-z]/.test(line)) parts.push(' ');
    parts.push(line);
    last = line;
  }
  const merged = parts.join('');
  const out = compactCjk(merged.replace(/[ \t]+/g, ' ')).trim();
  return out === '' ? null : out;
}

const LOOSE_NUMBER = /^[-−]?\s*\d{1,3}(?:\s*,\s*\d{3})+(?:\s*\.\s*\d+)?$|^[-−]?\s*\d+(?:\s*\.\s*\d+)?$/;

/**
 * Reads a number written in a document, tolerating extraction spaces and thousands separators: `3, 986. 34` → 3986.34,
 * `1,368.23` → 1368.23, `60.80` → 60.8. Returns null for anything that is not entirely a number (no guessing).
 */
export function parseLooseNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  const t = toHalfWidthAlnum(text).trim();
  if (!LOOSE_NUMBER.test(t)) return null;
  const digits = t.replace(/[\s,]/g, '').replace('−', '-');
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}

/** Trims punctuation that ends a cell or a sentence (`。`, `；`, `;`, `，`, `,`, `、`) from both ends. */
export function trimPunctuation(text: string): string {
  return trimChars(text, (ch) => /\s/.test(ch) || '。；;，,、:：'.includes(ch));
}

/**
 * Trims the characters `drop` accepts from the start and/or the end, scanning by hand: a `[…]+$` pattern retried from
 * every position of a long run of such characters (spaces, dots) is quadratic.
 */
export function trimChars(text: string, drop: (ch: string) => boolean, ends: 'both' | 'start' | 'end' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (ends !== 'end') while (start < end && drop(text[start]!)) start++;
  if (ends !== 'start') while (end > start && drop(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
