/** How sure the reader was of a word, as the viewer shows it. Pure. */

/** Words under this confidence are marked on the page (Azure's own viewers use a similar cut). */
export const LOW_CONFIDENCE = 0.6;

export function isLowConfidence(confidence: number): boolean {
  return confidence < LOW_CONFIDENCE;
}

/** 0.934 -> "93%". */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** What a word's tooltip and accessible name say: its text and how sure the reader was. */
export function describeWord(text: string, confidence: number): string {
  const doubt = isLowConfidence(confidence) ? ', low confidence' : '';
  return `${text}: ${percent(confidence)} confidence${doubt}`;
}
