/**
 * The viewer's state for one result: which page is shown, at what zoom, what is searched and
 * which match is current, which word is pointed at or focused.
 */
import type { ReadResult } from '../../read-api/types';
import { clampZoom, stepZoom } from './geometry';
import { stepWord, type WordRef } from './reading-order';
import { findMatches, matchedWordKeys, matchSummary, stepMatch } from './search';

export class ViewerState {
  /** The result's pages; replaced, never mutated. */
  readonly pages: readonly ReadResult[];
  #pageIndex = $state(0);
  /** 1 is the page fitted to the viewer's width. */
  #zoom = $state(1);
  #query = $state('');
  #matchIndex = $state(-1);
  /** The word whose tooltip shows (pointed at or focused). */
  activeWord = $state<WordRef | null>(null);
  /** The word that takes focus when Tab enters the page (a roving tab stop). */
  tabWord = $state<WordRef | null>(null);

  readonly matches = $derived.by(() => findMatches(this.pages, this.#query));
  readonly summary = $derived(this.#query.trim() ? matchSummary(this.matches) : '');
  readonly page = $derived.by(() => this.pages[this.#pageIndex]);
  readonly pageMatches = $derived(matchedWordKeys(this.matches, this.#pageIndex));
  readonly currentMatch = $derived(this.matches[this.#matchIndex]);

  constructor(pages: readonly ReadResult[]) {
    this.pages = pages;
  }

  get query(): string {
    return this.#query;
  }

  /** A new query starts again before its first match. */
  set query(query: string) {
    this.#query = query;
    this.#matchIndex = -1;
  }

  get pageIndex(): number {
    return this.#pageIndex;
  }

  get zoom(): number {
    return this.#zoom;
  }

  get matchIndex(): number {
    return this.#matchIndex;
  }

  /** Shows page `index` (0-based), clamped to the document. */
  goToPage(index: number): void {
    const next = Math.min(this.pages.length - 1, Math.max(0, index));
    if (next === this.#pageIndex) return;
    this.#pageIndex = next;
    this.activeWord = null;
    this.tabWord = null;
  }

  nextPage(): void {
    this.goToPage(this.#pageIndex + 1);
  }

  previousPage(): void {
    this.goToPage(this.#pageIndex - 1);
  }

  setZoom(zoom: number): void {
    this.#zoom = clampZoom(zoom);
  }

  zoomIn(): void {
    this.#zoom = stepZoom(this.#zoom, 1);
  }

  zoomOut(): void {
    this.#zoom = stepZoom(this.#zoom, -1);
  }

  resetZoom(): void {
    this.#zoom = 1;
  }

  /** Makes the next (or previous) match current and shows its page. */
  stepMatch(step: 1 | -1): void {
    this.#matchIndex = stepMatch(this.matches.length, this.#matchIndex, step);
    const match = this.currentMatch;
    if (!match) return;
    this.goToPage(match.pageIndex);
    this.tabWord = { line: match.line, word: match.firstWord };
  }

  /** The word `step` places from the tab stop in reading order, which becomes the tab stop. */
  stepWord(step: number): WordRef | null {
    if (!this.page) return null;
    this.tabWord = stepWord(this.page, this.tabWord, step);
    return this.tabWord;
  }
}
