// The performance scenarios beyond the corpus run: start times, a long scanned PDF (memory curve)
// and a long born-digital PDF (pages/s). The long documents are built here from corpus pages with
// pdf-lib, so nothing large is committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { launch, openApp, readInPage } from './browser.mjs';
import { memorySampler, rendererBytes } from './memory.mjs';
import { pdftotextSeconds } from './native.mjs';

const POINTS_PER_INCH = 72;
/** Clean pages that tesseract alone reads: the long scan measures the pipeline, not the second engine. */
const SCAN_PAGES = ['syn-serif-11pt.png', 'syn-mixed-fonts.png', 'syn-two-column.png', 'syn-table.png', 'real-testocr.png'];
const TEXT_SOURCES = ['syn-serif-11pt.gt.txt', 'syn-two-column.gt.txt', 'syn-mixed-fonts.gt.txt', 'real-testocr.gt.txt'];

/** A PDF of `count` scanned pages, cycling through SCAN_PAGES, each at 300 dpi. */
export async function scannedPdf(corpus, count) {
  const pdf = await PDFDocument.create();
  const images = [];
  for (const name of SCAN_PAGES) images.push(await pdf.embedPng(readFileSync(join(corpus, name))));
  for (let index = 0; index < count; index += 1) {
    const image = images[index % images.length];
    const [width, height] = [(image.width / 300) * POINTS_PER_INCH, (image.height / 300) * POINTS_PER_INCH];
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await pdf.save());
}

/** A born-digital PDF of `count` letter pages of text (the corpus's ground truth, in Helvetica). */
export async function bornDigitalPdf(corpus, count) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = TEXT_SOURCES.flatMap((name) => readFileSync(join(corpus, name), 'utf8').split('\n'))
    .map((line) => line.replace(/[^\x20-\x7e]/g, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => line.slice(0, 90));
  const perPage = 45;
  for (let index = 0; index < count; index += 1) {
    const page = pdf.addPage([612, 792]);
    for (let row = 0; row < perPage; row += 1) {
      const text = lines[(index * perPage + row) % lines.length];
      page.drawText(text, { x: 54, y: 740 - row * 15.5, size: 10, font });
    }
  }
  return Buffer.from(await pdf.save());
}

/** Polls an operation until it ends, calling `onPoll(body)` each time; resolves with its last body. */
function submitAndFollow(page, base64, pollMs) {
  return page.evaluate(async ({ base64, pollMs }) => {
    const { key1 } = await (await fetch('/localread/v1/keys')).json();
    const headers = { 'Ocp-Apim-Subscription-Key': key1 };
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const accepted = await fetch('/vision/v3.2/read/analyze', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/pdf' },
      body: new Blob([bytes]),
    });
    if (accepted.status !== 202) throw new Error(`analyze answered ${accepted.status}`);
    window.__followed = { location: accepted.headers.get('Operation-Location'), headers, pollMs };
    return window.__followed.location;
  }, { base64, pollMs });
}

function pollOnce(page) {
  return page.evaluate(async () => {
    const { location, headers } = window.__followed;
    const body = await (await fetch(location, { headers })).json();
    return { status: body.status, progress: body.progress ?? null, pages: body.analyzeResult?.readResults.length ?? 0 };
  });
}

/**
 * Reads a long document in `page` while sampling memory: the curve is (pages done, renderer MB)
 * once a second. Returns time, pages and the curve, with the peak and the page it was reached by.
 */
async function readLong(page, bytes, profileDir) {
  const started = Date.now();
  await submitAndFollow(page, bytes.toString('base64'), 1000);
  const sampler = memorySampler(profileDir);
  const curve = [];
  let last;
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      last = await pollOnce(page);
      curve.push({ pagesDone: last.progress?.pagesDone ?? (last.status === 'succeeded' ? last.pages : 0), mb: rendererBytes(profileDir) / 2 ** 20, at: Date.now() });
      if (last.status === 'succeeded' || last.status === 'failed') break;
    }
  } finally {
    sampler.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  const peakMb = Math.max(sampler.peak() / 2 ** 20, ...curve.map((point) => point.mb));
  // The sampler sees the peak between the curve's points: the page count of the first point after it.
  const peakTime = peakMb > Math.max(...curve.map((point) => point.mb)) ? sampler.peakTime() : curve.find((point) => point.mb >= peakMb)?.at;
  const peakAt = curve.find((point) => point.at >= (peakTime ?? Infinity))?.pagesDone ?? last.pages;
  return { status: last.status, pages: last.pages, seconds, curve: curve.map(({ pagesDone, mb }) => ({ pagesDone, mb })), peakMb, peakAt };
}

/** The long scanned PDF: memory peak, where it was reached, and whether it stays flat after page 20. */
export async function longScan(context, origin, profileDir, corpus, count = 200) {
  const bytes = await scannedPdf(corpus, count);
  const page = await openApp(context, origin);
  try {
    const run = await readLong(page, bytes, profileDir);
    const after20 = run.curve.filter((point) => point.pagesDone >= 20).map((point) => point.mb);
    const spreadAfter20 = after20.length > 0 ? Math.max(...after20) - Math.min(...after20) : null;
    return { ...run, spreadAfter20, pagesPerMinute: (run.pages / run.seconds) * 60 };
  } finally {
    await page.close();
  }
}

/** The long born-digital PDF: pages per second from POST to the end. */
export async function bornDigital(context, origin, corpus, count = 300) {
  const bytes = await bornDigitalPdf(corpus, count);
  const page = await openApp(context, origin);
  try {
    const [{ body, ms }] = await readInPage(page, [bytes.toString('base64')], 20);
    const pages = body.analyzeResult?.readResults.length ?? 0;
    const nativeSeconds = pdftotextSeconds(bytes);
    return { status: body.status, pages, seconds: ms / 1000, pagesPerSecond: pages / (ms / 1000), nativePagesPerSecond: nativeSeconds ? count / nativeSeconds : null };
  } finally {
    await page.close();
  }
}

/** One small image read from the page, as soon as the API is up: ms from `started` to its result. */
async function firstResult(page, corpus, started) {
  await page.getByText('Choose images').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
  const [{ body }] = await readInPage(page, [readFileSync(join(corpus, 'real-testocr.png')).toString('base64')], 50);
  if (body.status !== 'succeeded') throw new Error(`first result: ${JSON.stringify(body).slice(0, 200)}`);
  return Date.now() - started;
}

/**
 * Start times in a browser of their own: the first result after the first navigation on a new
 * profile (the precache downloads meanwhile), then after a reload offline; and the renderer
 * memory at rest once those two small jobs are done and the workers have gone idle.
 */
export async function startTimes(origin, corpus) {
  const { context, profileDir } = await launch();
  try {
    const page = await context.newPage();
    // What the same measure gives for the browser alone, with a blank page: the floor under
    // every memory figure here.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const blankMb = rendererBytes(profileDir) / 2 ** 20;
    let started = Date.now();
    await page.goto(origin);
    const newProfileMs = await firstResult(page, corpus, started);
    await context.setOffline(true);
    started = Date.now();
    await page.reload();
    const offlineReloadMs = await firstResult(page, corpus, started);
    await context.setOffline(false);
    // Idle workers are released after a minute; at rest is after that.
    await new Promise((resolve) => setTimeout(resolve, 65_000));
    const restMb = rendererBytes(profileDir) / 2 ** 20;
    return { newProfileMs, offlineReloadMs, restMb, blankMb };
  } finally {
    await context.close();
  }
}

/** Text of the scenarios, for the report. */
export function scenarioReport({ start, scan, digital }) {
  const lines = [];
  if (start) {
    lines.push(`Start: first result ${(start.newProfileMs / 1000).toFixed(1)} s after the first navigation on a new profile (target 6 s); ${(start.offlineReloadMs / 1000).toFixed(1)} s after an offline reload (target 2.5 s); renderer memory at rest after two small jobs ${start.restMb.toFixed(0)} MB (the browser alone, on a blank page: ${start.blankMb.toFixed(0)} MB)`);
  }
  if (scan) {
    const flat = scan.spreadAfter20 === null ? 'n/a' : `${scan.spreadAfter20.toFixed(0)} MB`;
    lines.push(`Long scanned PDF: ${scan.pages} pages (${scan.status}) in ${scan.seconds.toFixed(0)} s (${scan.pagesPerMinute.toFixed(1)} pages/min); renderer peak ${scan.peakMb.toFixed(0)} MB (target 500), reached by page ${scan.peakAt}; spread after page 20: ${flat}`);
    const step = Math.max(1, Math.ceil(scan.curve.length / 20));
    const points = scan.curve.filter((_, index) => index % step === 0 || index === scan.curve.length - 1);
    lines.push(`  memory curve (pages done: MB): ${points.map((point) => `${point.pagesDone}:${point.mb.toFixed(0)}`).join(' ')}`);
  }
  if (digital) {
    const native = digital.nativePagesPerSecond ? `; pdftotext -bbox ${digital.nativePagesPerSecond.toFixed(0)} pages/s` : '';
    lines.push(`Born-digital PDF: ${digital.pages} pages (${digital.status}) in ${digital.seconds.toFixed(2)} s: ${digital.pagesPerSecond.toFixed(0)} pages/s (target 300)${native}`);
  }
  return lines.join('\n');
}
