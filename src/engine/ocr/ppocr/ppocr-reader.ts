/**
 * PP-OCR on one greyscale page: detect text boxes (DB), cut each out as a strip, turn the strips
 * that are upside down (direction classifier), recognise them (CRNN with CTC), and put the
 * pieces together into lines and words in the raster's pixels. The three models are injected,
 * so the orchestration runs in tests without ONNX Runtime.
 */
import type { TextLine, TextReading } from '../text-reading';
import { clsInput, upsideDown } from './cls';
import { cropLine, quadSpan, turnHalf, type LineCrop } from './crop';
import { ctcGreedy, wordSpans } from './ctc-decode';
import { dbBoxes, type DbOptions } from './db-postprocess';
import { DET_MAX_SIDE, detInput } from './det-input';
import { detectInTiles } from './det-tiles';
import type { GreyImage } from '../../pipeline/grey-image';
import { mergeLines, type LineOptions } from './lines';
import { recInput } from './rec-input';
import type { ModelRunner, TensorData } from './tensor';

/** The three networks; without `cls`, every strip is taken to be upright. */
export interface PpocrModels {
  det: ModelRunner;
  cls?: ModelRunner;
  rec: ModelRunner;
}

export interface PpocrOptions {
  /** The detector sees the page with its longer side at most this (pixels). */
  detMaxSide: number;
  /** Smaller pages are enlarged for the detector to this longer side (0: never). */
  detMinSide: number;
  db: Partial<DbOptions>;
  lines: Partial<LineOptions>;
  /** Strips recognised per model call (sorted by width, so a batch pads little). */
  recBatch: number;
  /**
   * Strips narrower than this are padded to it. PaddleOCR pads to 320 px, its training width;
   * measured on six forms and receipts, 96 px reads the same (CER 0.065 both) in under half the
   * recognition time, since most strips of a receipt or a form are short fields.
   */
  recMinWidth: number;
  /** Lines read with a lower mean probability are dropped as noise (PaddleOCR's drop_score). */
  minConfidence: number;
  /** Put a dropped space back where the space class reached this probability (see ctc-decode.ts). */
  spaceThreshold: number;
}

export const PPOCR_DEFAULTS: PpocrOptions = {
  detMaxSide: DET_MAX_SIDE,
  detMinSide: 0,
  db: {},
  lines: {},
  recBatch: 6,
  recMinWidth: 96,
  minConfidence: 0.5,
  // Tuned on the corpus (receipts, forms): 0.02 put back most dropped spaces (receipt WER
  // 0.54 -> 0.17, CER 0.10 -> 0.05); 0.1 and above missed many, 0.01 began to split words.
  spaceThreshold: 0.02,
};

/** The input name the PaddleOCR exports give each network. */
const INPUT = 'x';

export class PpocrReader {
  readonly #models: PpocrModels;
  readonly #charset: readonly string[];
  readonly #options: PpocrOptions;

  /** `charset`: the recogniser's classes, blank first (see charset.ts `parseCharset`). */
  constructor(models: PpocrModels, charset: readonly string[], options: Partial<PpocrOptions> = {}) {
    this.#models = models;
    this.#charset = charset;
    this.#options = { ...PPOCR_DEFAULTS, ...options };
  }

  /** Reads a page; rejects with `signal.reason` when aborted (checked between the stages). */
  async read(image: GreyImage, signal: AbortSignal): Promise<TextReading> {
    signal.throwIfAborted();
    const boxes = await this.#detect(image);
    signal.throwIfAborted();
    const crops = await this.#upright(boxes.map((quad) => cropLine(image, quad)));
    signal.throwIfAborted();
    const pieces = await this.#recognise(crops, signal);
    return { lines: mergeLines(pieces, this.#options.lines) };
  }

  async #detect(image: GreyImage) {
    const input = detInput(image, this.#options.detMaxSide, this.#options.detMinSide);
    const output = await detectInTiles(this.#models.det, INPUT, input.tensor);
    const [height = 0, width = 0] = output.dims.slice(-2);
    const map = { data: output.data, width, height };
    return dbBoxes(map, { width: image.width, height: image.height, scaleX: input.scaleX, scaleY: input.scaleY }, this.#options.db).map((b) => b.quad);
  }

  async #upright(crops: LineCrop[]): Promise<LineCrop[]> {
    const cls = this.#models.cls;
    if (!cls || !crops.length) return crops;
    const out: LineCrop[] = [];
    for (let i = 0; i < crops.length; i += this.#options.recBatch) {
      const batch = crops.slice(i, i + this.#options.recBatch);
      const turn = upsideDown(await cls.run({ [INPUT]: clsInput(batch.map((c) => c.strip)) }));
      batch.forEach((crop, k) => out.push(turn[k] ? turnHalf(crop) : crop));
    }
    return out;
  }

  async #recognise(crops: LineCrop[], signal: AbortSignal): Promise<TextLine[]> {
    const order = crops.map((_, i) => i).sort((a, b) => crops[a]!.strip.width - crops[b]!.strip.width);
    const lines: TextLine[] = [];
    for (let i = 0; i < order.length; i += this.#options.recBatch) {
      signal.throwIfAborted();
      const batch = order.slice(i, i + this.#options.recBatch).map((k) => crops[k]!);
      const input = recInput(batch.map((c) => c.strip), this.#options.recMinWidth);
      const output = await this.#models.rec.run({ [INPUT]: input });
      batch.forEach((crop, n) => {
        const line = this.#toLine(crop, output, n, input.dims[3] ?? 0);
        if (line) lines.push(line);
      });
    }
    return lines;
  }

  #toLine(crop: LineCrop, output: TensorData, index: number, tensorWidth: number): TextLine | undefined {
    const decoded = ctcGreedy(output, index, this.#charset, this.#options.spaceThreshold);
    const spans = wordSpans(decoded, crop.strip.width, tensorWidth);
    if (!spans.length || decoded.confidence < this.#options.minConfidence) return undefined;
    const words = spans.map((w) => ({ text: w.text, confidence: w.confidence, box: quadSpan(crop.quad, w.start, w.end) }));
    return { text: words.map((w) => w.text).join(' '), confidence: decoded.confidence, box: crop.quad, words };
  }
}
