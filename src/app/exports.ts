/** What a user can take away from a result: its text, or the whole Azure-shaped JSON. */
import type { AnalyzeResult } from '../read-api/types';

/** The text of every page, a line per line, pages separated by a form feed (as OCR tools do). */
export function plainText(result: AnalyzeResult): string {
  return result.readResults.map((page) => page.lines.map((line) => line.text).join('\n')).join('\n\f\n');
}

/** The result as the API returns it, pretty-printed. */
export function resultJson(result: AnalyzeResult): string {
  return JSON.stringify({ status: 'succeeded', analyzeResult: result }, null, 2);
}

/** Offers `content` as a file download, without leaving the page. */
export function download(fileName: string, content: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `scan.png` -> `scan` (the base for export file names). */
export function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'scan';
}
