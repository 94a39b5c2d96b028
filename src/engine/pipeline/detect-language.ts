/**
 * Which shipped language a page is in, from the words a first reading found. Azure detects the
 * language itself when the caller gives none; we read with English first and, when the text is
 * clearly another shipped language, read again with that language's model. Frequent function
 * words tell Latin-script languages apart reliably on a page of text, and they survive a reading
 * with the English model (which may drop accents).
 */

/** The most frequent short words of each shipped language, in unaccented form too. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'was', 'for', 'with', 'as', 'on', 'be', 'at', 'by', 'this', 'which', 'from', 'are', 'have', 'not', 'or', 'but'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'des', 'auf', 'für', 'fur', 'ein', 'eine', 'dem', 'den', 'von', 'zu', 'im', 'auch', 'wird', 'sind', 'werden', 'bei', 'nach', 'über', 'uber'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'cette', 'sont', 'par', 'ne', 'à', 'où', 'ou', 'nous', 'vous'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'es', 'por', 'con', 'para', 'del', 'se', 'no', 'al', 'lo', 'como', 'más', 'mas', 'pero', 'sus', 'está', 'esta'],
  it: ['il', 'la', 'di', 'che', 'e', 'è', 'un', 'una', 'per', 'non', 'con', 'del', 'della', 'dei', 'gli', 'le', 'sono', 'nel', 'nella', 'alla', 'come', 'anche', 'più', 'piu', 'questo'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'dos', 'das', 'em', 'um', 'uma', 'para', 'com', 'não', 'nao', 'por', 'mais', 'no', 'na', 'se', 'são', 'sao', 'foi'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'zijn', 'niet', 'met', 'voor', 'die', 'er', 'aan', 'ook', 'als', 'bij', 'wordt', 'worden', 'naar', 'maar'],
};

/** Hits needed before a page is said to be in a language at all. */
const MIN_HITS = 5;
/** How far the best language must lead the runner-up (shared words such as `de`, `la`). */
const MIN_LEAD = 1.5;

const LOOKUP = Object.fromEntries(
  Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words)]),
) as Record<string, Set<string>>;

/** The language the words are in, or null when the evidence is thin or mixed. */
export function detectLanguage(words: readonly string[]): string | null {
  const hits = Object.fromEntries(Object.keys(LOOKUP).map((language) => [language, 0])) as Record<string, number>;
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    for (const [language, set] of Object.entries(LOOKUP)) {
      if (set.has(word)) hits[language]! += 1;
    }
  }
  const ranked = Object.entries(hits).sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked as [[string, number], [string, number]];
  if (best[1] < MIN_HITS || best[1] < runnerUp[1] * MIN_LEAD) return null;
  return best[0];
}
