// The same pages through the native tesseract CLI, single-threaded (OMP_THREAD_LIMIT=1, the
// faster mode on this kind of machine; see the corpus BASELINE.md), converted to Azure's shape.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const LANGS = { en: 'eng', de: 'deu', fr: 'fra' };
const PDF_DPI = 300;

export function hasNativeTesseract() {
  return spawnSync('tesseract', ['--version']).status === 0;
}

/**
 * A tessdata folder with the app's own models (`4.0.0_best_int` from @tesseract.js-data), so that
 * native tesseract can also be timed with exactly the weights the app runs. Debian's are `fast`.
 */
export function appModelsDir() {
  const dir = mkdtempSync(join(tmpdir(), 'app-tessdata-'));
  // The `tsv` output is a config file of the tessdata folder: the app's folder needs it too.
  mkdirSync(join(dir, 'configs'));
  writeFileSync(join(dir, 'configs', 'tsv'), 'tessedit_create_tsv 1\n');
  for (const model of Object.values(LANGS)) {
    const gz = readFileSync(new URL(`../../node_modules/@tesseract.js-data/${model}/4.0.0_best_int/${model}.traineddata.gz`, import.meta.url));
    writeFileSync(join(dir, `${model}.traineddata`), gunzipSync(gz));
  }
  return dir;
}

function tesseractTsv(file, langs, tessdataDir) {
  const started = process.hrtime.bigint();
  const models = tessdataDir ? ['--tessdata-dir', tessdataDir] : [];
  const run = spawnSync('tesseract', [file, 'stdout', ...models, '--psm', '3', '-l', langs, 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`tesseract failed on ${file}: ${run.stderr}`);
  return { tsv: run.stdout, ms };
}

const box = (left, top, width, height, scale) => {
  const [l, t, r, b] = [left, top, left + width, top + height].map((v) => v * scale);
  return [l, t, r, t, r, b, l, b];
};

/** TSV rows -> readResults; `scale` turns pixels into the page unit. */
function tsvToReadResults(tsv, { unit, scale, firstPage }) {
  const pages = new Map();
  for (const row of tsv.trim().split('\n').slice(1)) {
    const [level, pageNum, block, par, line, , left, top, width, height, conf, ...text] = row.split('\t');
    const [l, t, w, h] = [left, top, width, height].map(Number);
    const pageNumber = firstPage + Number(pageNum) - 1;
    if (level === '1') pages.set(pageNumber, { page: pageNumber, angle: 0, width: w * scale, height: h * scale, unit, lines: new Map() });
    const page = pages.get(pageNumber);
    const key = `${block}.${par}.${line}`;
    if (level === '4') page.lines.set(key, { boundingBox: box(l, t, w, h, scale), text: '', words: [] });
    const word = text.join('\t').trim();
    if (level === '5' && word) {
      const target = page.lines.get(key);
      target.words.push({ boundingBox: box(l, t, w, h, scale), text: word, confidence: Math.max(0, Number(conf)) / 100 });
    }
  }
  return [...pages.values()].map((page) => {
    const lines = [...page.lines.values()].filter((line) => line.words.length > 0);
    for (const line of lines) line.text = line.words.map((w) => w.text).join(' ');
    return { ...page, lines };
  });
}

/**
 * Reads one corpus document natively; returns the Azure-shaped result and the OCR time (ms).
 * `tessdataDir`: the models to use (default: Debian's).
 */
export function readNatively(file, format, languages, tessdataDir) {
  const langs = [...new Set(languages.map((code) => LANGS[code] ?? 'eng'))].join('+');
  if (format !== 'pdf') {
    const { tsv, ms } = tesseractTsv(file, langs, tessdataDir);
    return { result: wrap(tsvToReadResults(tsv, { unit: 'pixel', scale: 1, firstPage: 1 })), ms };
  }
  // PDF: rasterise at 300 dpi (not timed: the comparison is OCR time), then OCR page by page.
  const dir = mkdtempSync(join(tmpdir(), 'native-pdf-'));
  try {
    spawnSync('pdftoppm', ['-r', String(PDF_DPI), '-gray', '-png', file, join(dir, 'page')]);
    const readResults = [];
    let ms = 0;
    for (const [index, name] of readdirSync(dir).sort().entries()) {
      const run = tesseractTsv(join(dir, name), langs, tessdataDir);
      ms += run.ms;
      readResults.push(...tsvToReadResults(run.tsv, { unit: 'inch', scale: 1 / PDF_DPI, firstPage: index + 1 }));
    }
    return { result: wrap(readResults), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function wrap(readResults) {
  return { status: 'succeeded', analyzeResult: { version: 'native', modelVersion: 'tesseract', readResults } };
}

/** Seconds `pdftotext -bbox` takes on a PDF (the native yardstick for born-digital pages), or null. */
export function pdftotextSeconds(pdfBytes) {
  const dir = mkdtempSync(join(tmpdir(), 'pdftotext-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdfBytes);
    const started = process.hrtime.bigint();
    const run = spawnSync('pdftotext', ['-bbox', join(dir, 'in.pdf'), join(dir, 'out.html')]);
    if (run.status !== 0) return null;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
