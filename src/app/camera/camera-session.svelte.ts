/**
 * One opening of the camera: the stream and its live page outline, the shot under review with
 * its corners, and the pages gathered so far, until they are read as one document or the camera
 * is closed. Pixels never touch the main thread beyond the video: frames go to the camera
 * worker, which finds outlines and straightens shots.
 */
import { CameraWorker, type Point, type Quad } from '../../engine/camera-host';
import { buildPagesPdf, cameraDocumentName } from './pages-pdf';
import { arrowStep, isConvex, moveCorner, orderCorners, wholeFrame } from './quad';

/** A page gathered: the shot as taken, the corners chosen on it, and the page they give. */
export interface CameraPage {
  id: number;
  photo: Blob;
  width: number;
  height: number;
  quad: Quad;
  page: Blob;
  pageWidth: number;
  pageHeight: number;
  /** An object URL of `page`, for its thumbnail. */
  pageUrl: string;
}

/** The shot whose corners are being adjusted: a new one, or a page gathered earlier. */
export interface ShotReview {
  photo: Blob;
  /** An object URL of `photo`. */
  photoUrl: string;
  width: number;
  height: number;
  quad: Quad;
  /** Whether the corners came from the page outline (false: the whole frame). */
  found: boolean;
  /** The page this shot replaces (retake or new corners), or null for a new page. */
  replaces: number | null;
}

export type CameraPhase = 'starting' | 'live' | 'review' | 'unavailable' | 'reading';

/** How often the live outline is looked for: a few times a second is enough to follow a hand. */
const OUTLINE_INTERVAL_MS = 250;
/** Longer side of the frames sent for the live outline (the worker's outline finder's own size). */
const OUTLINE_SIDE = 640;

/**
 * The rear camera, as sharp as it comes up to about 4 megapixels (text needs pixels; larger
 * frames make every shot slow to straighten). `resizeMode: 'none'` asks for the camera's own
 * frames: Chromium otherwise crops them to the aspect asked for, which can cut the page's ends
 * off (Media Capture and Streams Extensions; not yet in TypeScript's DOM types).
 */
const VIDEO_CONSTRAINTS: MediaTrackConstraints & { resizeMode?: 'none' | 'crop-and-scale' } = {
  facingMode: 'environment',
  width: { ideal: 2560 },
  height: { ideal: 1440 },
  resizeMode: 'none',
};

/** What a refused or failed getUserMedia means to the user. */
export function cameraProblem(reason: unknown): string {
  const name = reason instanceof Error ? reason.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Camera access was refused.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found.';
  if (name === 'NotReadableError' || name === 'AbortError') return 'The camera could not be started (another app may be using it).';
  return `The camera could not be started${reason instanceof Error && reason.message ? `: ${reason.message}` : '.'}`;
}

export class CameraSession {
  phase = $state<CameraPhase>('starting');
  problem = $state<string | null>(null);
  /** The live page outline in video pixels, or null when none is clear. */
  outline = $state.raw<Quad | null>(null);
  /** The video's size, for drawing the outline over it. */
  frame = $state.raw<{ width: number; height: number } | null>(null);
  pages = $state.raw<CameraPage[]>([]);
  review = $state.raw<ShotReview | null>(null);
  /** The page the next capture replaces, or null to add one. */
  retaking = $state<number | null>(null);
  busy = $state(false);
  stream = $state.raw<MediaStream | null>(null);
  reviewConvex = $derived(this.review ? isConvex(orderCorners(this.review.quad)) : false);

  #worker: CameraWorker | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #nextId = 1;

  /** Asks for the rear camera; on refusal or without one, the phase says so with the reason. */
  async start(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.#fail('This browser gives no access to a camera.');
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: VIDEO_CONSTRAINTS, audio: false });
      if (this.#closed) {
        stopTracks(stream);
        return;
      }
      this.stream = stream;
      this.#worker = new CameraWorker();
      this.phase = 'live';
    } catch (reason) {
      this.#fail(cameraProblem(reason));
    }
  }

  /** Follows the page outline in `video` until the camera closes. */
  follow(video: HTMLVideoElement): void {
    clearTimeout(this.#timer);
    const tick = async () => {
      if (this.#closed) return;
      if (this.phase === 'live' && this.#worker && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        await this.#findOutline(video, this.#worker);
      }
      if (!this.#closed) this.#timer = setTimeout(tick, OUTLINE_INTERVAL_MS);
    };
    void tick();
  }

  /** Takes the current frame and shows it for its corners to be checked. */
  async capture(video: HTMLVideoElement): Promise<void> {
    if (!this.#worker || this.busy || video.videoWidth === 0) return;
    this.busy = true;
    try {
      const shot = await this.#worker.capture(await createImageBitmap(video));
      this.#showReview({
        photo: shot.photo,
        width: shot.width,
        height: shot.height,
        quad: shot.outline ?? wholeFrame(shot.width, shot.height),
        found: shot.outline !== null,
        replaces: this.retaking,
      });
    } catch (reason) {
      this.#report(reason);
    } finally {
      this.busy = false;
    }
  }

  /** Puts corner `index` of the shot under review at `point` (photo pixels). */
  placeCorner(index: number, point: Point): void {
    const review = this.review;
    if (review) this.review = { ...review, quad: moveCorner(review.quad, index, point, review.width, review.height) };
  }

  /** Moves corner `index` for an arrow key; returns whether the key was one. */
  nudgeCorner(index: number, key: string, shift: boolean): boolean {
    const review = this.review;
    const step = review && arrowStep(key, shift, review.width, review.height);
    if (!review || !step) return false;
    const [x, y] = review.quad[index]!;
    this.placeCorner(index, [x + step[0], y + step[1]]);
    return true;
  }

  /** Puts the corners back in order after a drag, so a corner dragged past another unfolds. */
  settleCorners(): void {
    const review = this.review;
    if (review) this.review = { ...review, quad: orderCorners(review.quad) };
  }

  /** Straightens the shot under review and keeps it as a page (or in place of the one it replaces). */
  async keep(): Promise<void> {
    const review = this.review;
    if (!review || !this.#worker || this.busy || !this.reviewConvex) return;
    this.busy = true;
    try {
      const quad = orderCorners(review.quad);
      const page = await this.#worker.correct(review.photo, quad);
      const kept: CameraPage = {
        id: this.#nextId++,
        photo: review.photo,
        width: review.width,
        height: review.height,
        quad,
        page: page.jpeg,
        pageWidth: page.width,
        pageHeight: page.height,
        pageUrl: URL.createObjectURL(page.jpeg),
      };
      const replaced = review.replaces === null ? undefined : this.pages.find((p) => p.id === review.replaces);
      if (replaced) URL.revokeObjectURL(replaced.pageUrl);
      this.pages = replaced ? this.pages.map((p) => (p === replaced ? kept : p)) : [...this.pages, kept];
      this.#endReview();
    } catch (reason) {
      this.#report(reason);
    } finally {
      this.busy = false;
    }
  }

  /** Drops the shot under review and goes back to the live view. */
  discardReview(): void {
    this.#endReview();
  }

  /** Shows a gathered page's shot again, with its corners, to adjust them. */
  adjust(id: number): void {
    const page = this.pages.find((p) => p.id === id);
    if (!page || this.busy) return;
    this.#showReview({ photo: page.photo, width: page.width, height: page.height, quad: page.quad, found: true, replaces: id });
  }

  /** Makes the next capture replace page `id`; `null` cancels. */
  retake(id: number | null): void {
    if (this.review) this.#endReview();
    this.retaking = id;
  }

  remove(id: number): void {
    const page = this.pages.find((p) => p.id === id);
    if (!page) return;
    URL.revokeObjectURL(page.pageUrl);
    this.pages = this.pages.filter((p) => p !== page);
    if (this.retaking === id) this.retaking = null;
  }

  /** The pages gathered, as one PDF file to read. */
  async document(): Promise<File> {
    this.phase = 'reading';
    try {
      const pages = await Promise.all(
        this.pages.map(async (p) => ({ jpeg: new Uint8Array(await p.page.arrayBuffer()), width: p.pageWidth, height: p.pageHeight })),
      );
      const pdf = await buildPagesPdf(pages);
      return new File([pdf], cameraDocumentName(Date.now()), { type: 'application/pdf' });
    } catch (reason) {
      this.phase = 'live';
      throw reason;
    }
  }

  /** Stops the camera and the worker and lets go of every image. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.#worker?.close();
    this.#worker = null;
    if (this.review) URL.revokeObjectURL(this.review.photoUrl);
    for (const page of this.pages) URL.revokeObjectURL(page.pageUrl);
  }

  async #findOutline(video: HTMLVideoElement, worker: CameraWorker): Promise<void> {
    const { videoWidth: width, videoHeight: height } = video;
    const scale = Math.min(1, OUTLINE_SIDE / Math.max(width, height));
    const [resizeWidth, resizeHeight] = [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
    try {
      const small = await createImageBitmap(video, { resizeWidth, resizeHeight, resizeQuality: 'medium' });
      const found = await worker.findOutline(small);
      if (this.#closed) return;
      this.frame = { width, height };
      this.outline = found ? (found.map(([x, y]) => [(x * width) / resizeWidth, (y * height) / resizeHeight]) as Quad) : null;
    } catch (reason) {
      // A frame that cannot be read (the stream just ended) shows no outline; capture still works.
      if (!this.#closed) this.outline = null;
      if (!(reason instanceof Error && reason.name === 'CameraClosedError')) console.warn('Page outline:', reason);
    }
  }

  #showReview(review: Omit<ShotReview, 'photoUrl'>): void {
    if (this.review) URL.revokeObjectURL(this.review.photoUrl);
    this.review = { ...review, photoUrl: URL.createObjectURL(review.photo) };
    this.problem = null;
    this.phase = 'review';
  }

  #endReview(): void {
    if (this.review) URL.revokeObjectURL(this.review.photoUrl);
    this.review = null;
    this.retaking = null;
    if (this.phase === 'review') this.phase = 'live';
  }

  #fail(message: string): void {
    this.problem = message;
    this.phase = 'unavailable';
  }

  #report(reason: unknown): void {
    if (reason instanceof Error && reason.name === 'CameraClosedError') return;
    this.problem = reason instanceof Error ? reason.message : String(reason);
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
