/**
 * Pictures of one document's pages for the viewer, drawn by the page-view worker from the file the
 * page holds, as object URLs. Each page keeps its sharpest picture so far; a sharper one is asked
 * for when the page is shown larger than that. Nothing is stored: closing revokes every URL.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { openPageView, type PageView } from '../../engine/page-view-host';

interface Picture {
  url: string;
  /** The width asked for; `complete` when the picture came smaller (its own full size). */
  width: number;
  complete: boolean;
}

/** Pages whose pictures are kept at once; the others are dropped, least recently shown first. */
const KEPT_PAGES = 8;

export class PageImages {
  /** In the order last drawn, so the first is the one to drop. */
  readonly #pictures = new SvelteMap<number, Picture>();
  #error = $state<string | null>(null);
  #view: Promise<PageView> | null = null;
  readonly #pending = new SvelteSet<string>();
  #closed = false;
  readonly #file: Blob | undefined;
  readonly #baseUrl: string;

  /** `file` is absent for a file shared to the app: the page never had its bytes, only the text. */
  constructor(file: Blob | undefined, baseUrl: string) {
    this.#file = file;
    this.#baseUrl = baseUrl;
    if (!file) this.#error = 'This file was shared to the app, which keeps no copy of its pages: only its text and boxes are shown.';
  }

  /** Why pictures could not be drawn, if they could not. */
  get error(): string | null {
    return this.#error;
  }

  /** The sharpest picture of page `pageNumber` so far, if any. */
  url(pageNumber: number): string | undefined {
    return this.#pictures.get(pageNumber)?.url;
  }

  /** Asks for page `pageNumber` at least `width` pixels wide, unless a picture that sharp is there. */
  want(pageNumber: number, width: number): void {
    const have = this.#pictures.get(pageNumber);
    // No file (shared to the app): nothing to draw, and nothing to change, so no effect reruns.
    if (!this.#file || this.#closed || (have && (have.complete || have.width >= width))) return;
    const key = `${pageNumber}@${width}`;
    if (this.#pending.has(key)) return;
    this.#pending.add(key);
    void this.#draw(pageNumber, width).finally(() => this.#pending.delete(key));
  }

  async #draw(pageNumber: number, width: number): Promise<void> {
    const file = this.#file;
    if (!file) return;
    try {
      this.#view ??= openPageView(file, this.#baseUrl);
      const image = await (await this.#view).draw(pageNumber, width);
      const have = this.#pictures.get(pageNumber);
      if (this.#closed || (have && have.width >= width)) return;
      this.#keep(pageNumber, { url: URL.createObjectURL(image.blob), width, complete: image.width < width });
    } catch (reason) {
      if (!this.#closed) this.#error = `The page could not be drawn: ${reason instanceof Error ? reason.message : String(reason)}`;
    }
  }

  #keep(pageNumber: number, picture: Picture): void {
    const old = this.#pictures.get(pageNumber);
    if (old) URL.revokeObjectURL(old.url);
    this.#pictures.delete(pageNumber);
    this.#pictures.set(pageNumber, picture);
    for (const [page, dropped] of this.#pictures) {
      if (this.#pictures.size <= KEPT_PAGES) break;
      URL.revokeObjectURL(dropped.url);
      this.#pictures.delete(page);
    }
  }

  /** Ends the worker and revokes every picture. */
  close(): void {
    this.#closed = true;
    for (const picture of this.#pictures.values()) URL.revokeObjectURL(picture.url);
    this.#pictures.clear();
    // A view that failed to open has no worker left to end, and its failure was already shown.
    void this.#view?.then((view) => view.close(), () => undefined);
  }
}
