// Renders the two synthetic "hard" fixtures (a faxed form and a photographed till receipt) with exact
// line boxes, standing in for the FUNSD forms and SROIE receipts that may not be copied into the project.
//
//   node scripts/make-hard-fixtures.mjs [outDir]     (default tests/fixtures)
//
// Each page is laid out as HTML in Debian's Chromium, screenshotted at 2x, degraded in a canvas in
// the page (seeded, so every run gives the same bytes) and mapped to the final image by a
// homography; the truth boxes are the ink boxes of each line's words, taken from a clean screenshot
// and mapped through the same homography. Writes <name>.png|jpg, <name>.gt.txt, <name>.gt.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const OUT = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'tests', 'fixtures'));
const SCALE = 2; // device pixels per CSS pixel of the layout
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
};

// ------------------------------------------------------------------ content
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** One truth line: its words become spans whose ink boxes are measured. */
const line = (text, style = '') =>
  `<span class="l" style="${style}">${text.split(' ').map((w) => `<span class="w">${esc(w)}</span>`).join(' ')}</span>`;

const FORM_FIELDS = [
  // [label, x, value, rule start, rule end], two per row
  [['TO:', 60, 'Harold J. Whitaker', 108, 410], ['DATE:', 440, '03/14/97', 500, 700]],
  [['FROM:', 60, 'Linda M. Marsh', 122, 410], ['PHONE:', 440, '(919) 555-0143', 515, 700]],
  [['BRAND:', 60, 'Summit Gold Kings', 130, 410], ['PROJECT NO.:', 440, '4471-B', 560, 700]],
  [['SHIP TO:', 60, 'Westgate Distributors, 88 Mill Road, Durham, NC 27701', 142, 700]],
];
const FORM_TABLE = [
  ['QTY', 'CODE', 'DESCRIPTION', 'UNIT PRICE'],
  ['250', 'SG-100', 'Summit Gold Kings, carton', '12.40'],
  ['120', 'SG-120', 'Summit Gold 100s, carton', '13.10'],
  ['60', 'DP-45', 'Counter display, 45 pk', '8.75'],
];
const FORM_NOTE = [
  'Samples are for promotional use only and may not be resold. Please',
  'return one signed copy of this form to Marketing Services within ten',
  'days of receipt. Questions about this order: ext. 2240.',
];

function formHtml() {
  // a row is inline-blocks starting at the given x (so labels and values share a baseline) and
  // absolutely placed rules, moved onto that baseline after layout
  const row = (fields, top) => {
    const cells = fields.flatMap(([label, x, value, r0]) => [[x, line(label), 'lab'], [r0 + 8, line(value), 'val']]);
    const html = cells.map(([x, inner, cls], i) =>
      `<span class="${cls}" style="${i ? '' : `margin-left:${x}px;`}${i < cells.length - 1 ? `width:${cells[i + 1][0] - x}px` : ''}">${inner}</span>`);
    const rules = fields.map(([, , , r0, r1]) => `<span class="rule" data-x0="${r0}" data-x1="${r1}"></span>`);
    return `<div class="row" style="top:${top}px">${html.join('')}<span class="bl"></span>${rules.join('')}</div>`;
  };
  const rows = FORM_FIELDS.map((r, i) => row(r, 196 + 38 * i));
  const cell = (t, i, head) => `<td style="width:${[70, 90, 320, 120][i]}px">${line(t, head ? '' : i === 2 ? 'margin-left:-5px' : '')}</td>`;
  const table = FORM_TABLE.map((r, i) => `<tr class="${i ? '' : 'head'}">${r.map((t, j) => cell(t, j, !i)).join('')}</tr>`).join('');
  return `<!doctype html><html><head><style>
  body { margin:0; width:760px; height:1000px; background:#fff; color:#000; position:relative; }
  .l { white-space:nowrap; }
  .abs, .row { position:absolute; }
  .row { left:0; width:760px; white-space:nowrap; line-height:24px; }
  .lab, .val { display:inline-block; }
  .lab { font:bold 16px 'Liberation Serif'; }
  .val { font:14px 'Liberation Mono'; }
  .bl { display:inline-block; width:0; height:0; }
  .rule { position:absolute; height:1px; background:#000; }
  .frame { position:absolute; left:40px; top:74px; width:680px; height:880px; border:1.5px solid #000; border-radius:12px; }
  table { position:absolute; left:60px; top:370px; border-collapse:collapse; }
  td { border:1px solid #000; height:26px; padding:0 6px; font:14px 'Liberation Mono'; }
  tr.head td { font:bold 11px 'Liberation Sans'; text-align:center; height:22px; }
  .note { position:absolute; left:60px; top:640px; width:630px; height:96px; border:1px solid #000; padding:6px 0 0 4px; }
  .note .lab { position:static; font-size:15px; float:left; width:56px; }
  .note p { margin:0 0 0 60px; font:15.5px/21px 'Liberation Serif'; }
  </style></head><body>
  <div class="abs" style="left:50px;top:36px;font:13px 'Liberation Mono'">${line("MAR 14 '97 10:22 FROM MERIDIAN SUPPLY CO.")}</div>
  <div class="abs" style="left:650px;top:36px;font:13px 'Liberation Mono'">${line('P.02')}</div>
  <div class="frame"></div>
  <div class="abs" style="left:0;width:760px;top:100px;text-align:center;font:bold 20px 'Liberation Sans'">${line('MERIDIAN SUPPLY COMPANY')}</div>
  <div class="abs" style="left:0;width:760px;top:134px;text-align:center;font:bold 16px 'Liberation Serif'">${line('PRODUCT SAMPLE REQUEST')}</div>
  ${rows.join('\n')}
  <table>${table}</table>
  ${row([['APPROVED BY:', 60, 'R. T. Owens', 186, 460]], 560)}
  <div class="note"><span class="lab">${line('NOTE:')}</span>${FORM_NOTE.map((t) => `<p>${line(t)}</p>`).join('')}</div>
  <div class="abs" style="left:0;width:760px;top:900px;text-align:center;font:13px 'Liberation Sans'">${line('Meridian Supply Company / 1200 Commerce Drive / Raleigh, NC 27604')}</div>
  </body></html>`;
}

const RECEIPT_ITEMS = [
  ['MILO 3IN1 18X33G', '14.90'], ['GARDENIA WHITE 400G', '3.60'], ['AYAM SEGAR 1.2KG', '11.80'],
  ['BERAS SUPER 5KG', '17.50'], ['TELUR GRED A 10S', '4.20'], ['2 X AIR MINERAL 1.5L', '2.40'],
];
const RECEIPT_TOTALS = [
  ['SUBTOTAL', '54.40'], ['SST 6%', '3.26'], ['ROUNDING', '-0.01'], ['TOTAL RM', '57.65'], ['CASH', '60.00'], ['CHANGE', '2.35'],
];

function receiptHtml() {
  const centre = (t) => `<div class="c">${line(t)}</div>`;
  const pair = ([a, b]) => `<div class="p">${line(a)}${line(b)}</div>`;
  const dash = '<div class="c">----------------------------------------</div>';
  return `<!doctype html><html><head><style>
  body { margin:0; background:#fff; }
  #paper { width:336px; padding:36px 30px 60px; background:#fff; color:#000; font:14px/21px 'Liberation Mono'; }
  .c { text-align:center; white-space:nowrap; }
  .p { display:flex; justify-content:space-between; white-space:nowrap; }
  .gap { height:12px; }
  .big { font-weight:bold; font-size:16px; }
  </style></head><body><div id="paper">
  <div class="c big">${line('KEDAI RUNCIT SRI MAJU')}</div>
  ${['(CO REG: 1029384-K)', 'NO 12, JALAN MELATI 3,', 'TAMAN SERI INDAH,', '43000 KAJANG, SELANGOR', 'TEL: 03-8736 1120'].map(centre).join('')}
  <div class="gap"></div>${centre('TAX INVOICE')}${dash}
  ${pair(['DATE: 14/06/2019', 'TIME: 18:42'])}${pair(['CASHIER: AMIRAH', 'INV: CS0048213'])}${dash}
  ${RECEIPT_ITEMS.map(pair).join('')}${dash}
  ${RECEIPT_TOTALS.map(pair).join('')}${dash}
  <div>${line('ITEMS: 7')}</div><div class="gap"></div>
  ${centre('THANK YOU, PLEASE COME AGAIN')}${centre('GOODS SOLD ARE NOT RETURNABLE')}
  </div></body></html>`;
}

// ------------------------------------------------------------------ geometry
/** Solves A x = b (Gaussian elimination with partial pivoting). */
function solve(A, b) {
  const n = b.length, M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    const p = M.reduce((best, r, i) => (i >= c && Math.abs(r[c]) > Math.abs(M[best][c]) ? i : best), c);
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((r, i) => r[n] / r[i]);
}
/** The homography (row-major 3x3, h33 = 1) taking the four points `from` to `to`. */
function homography(from, to) {
  const A = [], b = [];
  from.forEach(([x, y], i) => {
    const [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]); b.push(v);
  });
  return [...solve(A, b), 1];
}
const apply = (H, x, y) => {
  const w = H[6] * x + H[7] * y + H[8];
  return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
};
/** Source rectangle corners rotated by `deg` about the output centre after scaling by `s`. */
function rotatedCorners(sw, sh, s, deg, ow, oh) {
  const a = (deg * Math.PI) / 180, cx = ow / 2, cy = oh / 2;
  return [[0, 0], [sw, 0], [sw, sh], [0, sh]].map(([x, y]) => {
    const dx = x * s - (sw * s) / 2, dy = y * s - (sh * s) / 2;
    return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
  });
}
const round2 = (v) => Math.round(v * 100) / 100;
/** An ink box [l, t, r, b] in source pixels -> clockwise quad from the top-left, in output pixels. */
const quad = (H, [l, t, r, b]) => [[l, t], [r, t], [r, b], [l, b]].flatMap(([x, y]) => apply(H, x, y).map(round2));

// ------------------------------------------------------------------ in-page image lab
/** Injected into the page: seeded noise, blur, homography warp, ink boxes, encoders. */
function pageLib() {
  const rng = (seed) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  const gauss = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  /** Smooth 1-D value noise in [0, 1] with features about `period` long. */
  const noise1d = (r, n, period) => {
    const k = Array.from({ length: Math.ceil(n / period) + 2 }, r);
    return (x) => {
      const i = Math.floor(x / period), f = x / period - i, s = (1 - Math.cos(Math.PI * f)) / 2;
      return k[i] * (1 - s) + k[i + 1] * s;
    };
  };
  async function load(b64) {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height), g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data, v = new Float32Array(img.width * img.height);
    for (let i = 0; i < v.length; i++) v[i] = 0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2];
    return { v, w: img.width, h: img.height };
  }
  function blur(src, w, h, sigma) {
    const rad = Math.ceil(sigma * 3), k = [];
    for (let i = -rad; i <= rad; i++) k.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
    const sum = k.reduce((a, b) => a + b), tmp = new Float32Array(src.length), out = new Float32Array(src.length);
    const pass = (from, to, dx, dy) => {
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let i = -rad; i <= rad; i++) {
          const xx = Math.min(w - 1, Math.max(0, x + i * dx)), yy = Math.min(h - 1, Math.max(0, y + i * dy));
          acc += from[yy * w + xx] * k[i + rad];
        }
        to[y * w + x] = acc / sum;
      }
    };
    pass(src, tmp, 1, 0);
    pass(tmp, out, 0, 1);
    return out;
  }
  /** Output (dw x dh) sampled from src through the inverse homography `Hi`, 3x3 supersampled;
   * returns values and the fraction of samples that fell inside the source. */
  function warp(src, sw, sh, dw, dh, Hi) {
    const val = new Float32Array(dw * dh), cov = new Float32Array(dw * dh);
    for (let y = 0; y < dh; y++) for (let x = 0; x < dw; x++) {
      let acc = 0, n = 0;
      for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) {
        const px = x + (i + 0.5) / 3, py = y + (j + 0.5) / 3, q = Hi[6] * px + Hi[7] * py + Hi[8];
        const sx = (Hi[0] * px + Hi[1] * py + Hi[2]) / q - 0.5, sy = (Hi[3] * px + Hi[4] * py + Hi[5]) / q - 0.5;
        if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) continue;
        const x0 = Math.floor(sx), y0 = Math.floor(sy), fx = sx - x0, fy = sy - y0;
        const x1 = Math.min(sw - 1, x0 + 1), y1 = Math.min(sh - 1, y0 + 1);
        acc += (src[y0 * sw + x0] * (1 - fx) + src[y0 * sw + x1] * fx) * (1 - fy) + (src[y1 * sw + x0] * (1 - fx) + src[y1 * sw + x1] * fx) * fy;
        n++;
      }
      val[y * dw + x] = n ? acc / n : 0;
      cov[y * dw + x] = n / 9;
    }
    return { val, cov };
  }
  /** Tight ink box (pixels darker than 150) inside each rectangle [l, t, r, b]. */
  function inkBoxes({ v, w, h }, rects) {
    return rects.map(([l, t, r, b]) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let y = Math.max(0, Math.floor(t)); y < Math.min(h, Math.ceil(b)); y++)
        for (let x = Math.max(0, Math.floor(l)); x < Math.min(w, Math.ceil(r)); x++)
          if (v[y * w + x] < 150) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1); }
      return x0 === Infinity ? [l, t, r, b] : [x0, y0, x1, y1];
    });
  }
  const b64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  async function jpeg(rgb, w, h, quality) {
    const c = new OffscreenCanvas(w, h), g = c.getContext('2d'), im = g.createImageData(w, h);
    for (let i = 0; i < w * h; i++) {
      for (let k = 0; k < 3; k++) im.data[4 * i + k] = rgb[k][i];
      im.data[4 * i + 3] = 255;
    }
    g.putImageData(im, 0, 0);
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality });
    return b64(new Uint8Array(await blob.arrayBuffer()));
  }
  window.lab = { rng, gauss, noise1d, load, blur, warp, inkBoxes, b64, jpeg };
}

/** Fax: scanner blur, binarisation with a jittered threshold, specks and dropouts at 200 dpi; then
 * a slight skew down to 100 dpi, soft blur and grain; clipped to white so the PNG stays small. */
async function faxDegrade({ png, Hi, ow, oh, p }) {
  const { rng, gauss, load, blur, warp, b64 } = window.lab;
  const r = rng(p.seed), { v, w, h } = await load(png);
  const soft = blur(v, w, h, p.preBlur), bin = new Float32Array(w * h);
  for (let i = 0; i < bin.length; i++) bin[i] = soft[i] + gauss(r) * p.jitter < p.threshold && r() > p.dropout ? 0 : 255;
  for (let n = 0; n < p.specks; n++) {
    const x = Math.floor(r() * w), y = Math.floor(r() * h), s = 1 + Math.floor(r() * 3);
    for (let j = 0; j < s; j++) for (let i = 0; i < s; i++) if (r() < 0.7) bin[Math.min(h - 1, y + j) * w + Math.min(w - 1, x + i)] = 0;
  }
  for (let n = 0; n < p.streaks; n++) { // fax line noise: short broken horizontal runs
    const y = Math.floor(r() * h), x0 = Math.floor(r() * w), len = 20 + r() * 200;
    for (let x = x0; x < Math.min(w, x0 + len); x++) if (r() < 0.5) bin[y * w + x] = 0;
  }
  const { val, cov } = warp(bin, w, h, ow, oh, Hi), out = blur(val, ow, oh, p.postBlur), bytes = new Uint8Array(ow * oh);
  for (let i = 0; i < bytes.length; i++) {
    const g = (cov[i] ? out[i] : 255) + gauss(r) * p.grain;
    bytes[i] = g >= p.white ? 255 : Math.max(0, Math.round(g));
  }
  return b64(bytes);
}

/** Thermal print on paper (streaky, faded), photographed: perspective, a dark table, drop shadow,
 * uneven light and a soft shadow, lens blur, sensor noise, JPEG. */
async function photoDegrade({ png, Hi, ow, oh, p }) {
  const { rng, gauss, noise1d, load, blur, warp, jpeg } = window.lab;
  const r = rng(p.seed), { v, w, h } = await load(png);
  const streak = noise1d(r, w, 7), fade = noise1d(r, h, 160), ink = blur(v, w, h, 0.7), paper = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dens = p.density * (0.72 + 0.28 * streak(x)) * (0.85 + 0.15 * fade(y));
    paper[y * w + x] = 246 - (1 - ink[y * w + x] / 255) * dens * (246 - p.inkGrey);
  }
  const { val, cov } = warp(paper, w, h, ow, oh, Hi), shadow = blur(cov, ow, oh, 9), lowX = noise1d(r, ow, 90), lowY = noise1d(r, oh, 90);
  const rgb = [new Float32Array(ow * oh), new Float32Array(ow * oh), new Float32Array(ow * oh)];
  const tint = [1, 0.975, 0.93], table = [78, 68, 60];
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) {
    const i = y * ow + x, sh = shadow[Math.max(0, y - 8) * ow + Math.max(0, x - 6)];
    const bgk = (0.8 + 0.35 * lowX(x) * lowY(y)) * (1 - 0.55 * sh);
    const light = (1.0 - p.gradient * (0.55 * x / ow + 0.45 * y / oh)) *
      (1 - p.blob * Math.exp(-((x - p.blobX * ow) ** 2 + (y - p.blobY * oh) ** 2) / (2 * (p.blobR * ow) ** 2)));
    for (let k = 0; k < 3; k++) rgb[k][i] = (cov[i] * val[i] * tint[k] + (1 - cov[i]) * table[k] * bgk) * light;
  }
  for (let k = 0; k < 3; k++) {
    rgb[k] = blur(rgb[k], ow, oh, p.lens);
    for (let i = 0; i < rgb[k].length; i++) rgb[k][i] = Math.min(255, Math.max(0, rgb[k][i] + gauss(r) * p.grain));
  }
  return jpeg(rgb, ow, oh, p.quality);
}

// ------------------------------------------------------------------ rendering
/** Lays out `html`, returns the truth lines with word ink boxes (device pixels of `clip`) and two
 * screenshots of `clip`: clean text only (for the ink boxes) and the full page. */
async function render(browser, html, selector) {
  const page = await browser.newPage({ viewport: { width: 800, height: 1200 }, deviceScaleFactor: SCALE });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => { // rules under the typed values start at their baseline, so the text sits on them
    for (const rule of document.querySelectorAll('.rule')) {
      const base = rule.parentElement.querySelector(':scope > .bl').getBoundingClientRect().top - rule.parentElement.getBoundingClientRect().top;
      Object.assign(rule.style, { left: `${rule.dataset.x0}px`, width: `${rule.dataset.x1 - rule.dataset.x0}px`, top: `${base}px` });
    }
  });
  const clip = await page.locator(selector).boundingBox();
  const lines = await page.evaluate(([cx, cy]) => [...document.querySelectorAll('.l')].map((l) => ({
    text: l.textContent.trim().replace(/\s+/g, ' '),
    words: [...l.querySelectorAll('.w')].map((w) => {
      const b = w.getBoundingClientRect();
      return { text: w.textContent, rect: [b.left - cx, b.top - cy, b.right - cx, b.bottom - cy] };
    }),
  })), [clip.x, clip.y]);
  await page.addStyleTag({ content: '.rule, .frame, td, .note { background:transparent !important; border-color:transparent !important; }' });
  const clean = (await page.screenshot({ clip })).toString('base64');
  await page.addStyleTag({ content: '.rule { background:#000 !important; } .frame, td, .note { border-color:#000 !important; }' });
  const full = (await page.screenshot({ clip })).toString('base64');
  await page.addScriptTag({ content: `(${pageLib})()` });
  for (const l of lines) for (const w of l.words) w.rect = w.rect.map((v) => v * SCALE);
  const ink = await page.evaluate(async ([png, rects]) => window.lab.inkBoxes(await window.lab.load(png), rects),
    [clean, lines.flatMap((l) => l.words.map((w) => w.rect))]);
  let k = 0;
  for (const l of lines) for (const w of l.words) w.ink = ink[k++];
  return { page, lines, full, size: [clip.width * SCALE, clip.height * SCALE] };
}

function truth(lines, H, ow, oh) {
  const out = lines.map((l) => {
    const u = l.words.map((w) => w.ink).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    return { text: l.text, boundingBox: quad(H, u), words: l.words.map((w) => ({ text: w.text, boundingBox: quad(H, w.ink) })) };
  });
  // the text angle (clockwise positive): the mean slope of the lines' top edges
  const angle = out.reduce((sum, { boundingBox: b }) => sum + Math.atan2(b[3] - b[1], b[2] - b[0]), 0) / out.length;
  const json = `{"pages":[\n {"page":1,"width":${ow},"height":${oh},"unit":"pixel","angle":${((angle * 180) / Math.PI).toFixed(1)},"lines":[\n${out.map((l) => `  ${JSON.stringify(l)}`).join(',\n')}\n ]}\n]}\n`;
  return { txt: `${out.map((l) => l.text).join('\n')}\n`, json };
}

/** 8-bit greyscale PNG, each row with the filter that leaves the smallest absolute sum. */
function greyPng(bytes, w, h) {
  const rows = [];
  for (let y = 0; y < h; y++) {
    const cur = bytes.subarray(y * w, (y + 1) * w), up = y ? bytes.subarray((y - 1) * w, y * w) : new Uint8Array(w);
    const cands = [0, 1, 2, 4].map((f) => {
      const row = Buffer.alloc(w + 1);
      row[0] = f;
      for (let x = 0; x < w; x++) {
        const a = x ? cur[x - 1] : 0, b = up[x], c = x ? up[x - 1] : 0;
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        const pred = [0, a, b, 0, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
        row[x + 1] = (cur[x] - pred) & 255;
      }
      return row;
    });
    const cost = (row) => row.subarray(1).reduce((s, v) => s + (v < 128 ? v : 256 - v), 0);
    rows.push(cands.reduce((best, row) => (cost(row) < cost(best) ? row : best)));
  }
  const crc = (buf) => {
    let c = ~0;
    for (const byte of buf) { c ^= byte; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
    return ~c >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]), out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function write(name, data, gt) {
  fs.writeFileSync(path.join(OUT, `${name}.${data.ext}`), data.bytes);
  fs.writeFileSync(path.join(OUT, `${name}.gt.txt`), gt.txt);
  fs.writeFileSync(path.join(OUT, `${name}.gt.json`), gt.json);
  console.log(`${name}.${data.ext}: ${data.bytes.length} bytes`);
}

const FAX = { seed: 82092117, preBlur: 1.0, threshold: 122, jitter: 40, dropout: 0.06, specks: 900, streaks: 14, postBlur: 0.7, grain: 5, white: 236 };
const PHOTO = { seed: 231, density: 1, inkGrey: 17, gradient: 0.3, blob: 0.3, blobX: 0.15, blobY: 0.85, blobR: 0.45, lens: 0.7, grain: 3, quality: 0.8 };

async function makeForm(browser) {
  const { page, lines, full, size: [sw, sh] } = await render(browser, formHtml(), 'body');
  const ow = sw / SCALE, oh = sh / SCALE, src = [[0, 0], [sw, 0], [sw, sh], [0, sh]];
  const dst = rotatedCorners(sw, sh, 1 / SCALE, 0.6, ow, oh);
  const H = homography(src, dst), Hi = homography(dst, src);
  const grey = Buffer.from(await page.evaluate(faxDegrade, { png: full, Hi, ow, oh, p: FAX }), 'base64');
  write('syn-form-fax', { ext: 'png', bytes: greyPng(grey, ow, oh) }, truth(lines, H, ow, oh));
  await page.close();
}

async function makeReceipt(browser) {
  const { page, lines, full, size: [sw, sh] } = await render(browser, receiptHtml(), '#paper');
  const s = 0.86, ow = 760, oh = Math.round(sh * s + 110), src = [[0, 0], [sw, 0], [sw, sh], [0, sh]];
  // a few degrees of rotation and keystone: the top edge is further from the camera than the bottom
  const [tl, tr, br, bl] = rotatedCorners(sw, sh, s, -1.8, ow, oh), squeeze = 0.05 * (tr[0] - tl[0]);
  const dst = [[tl[0] + squeeze, tl[1] + 10], [tr[0] - squeeze, tr[1] + 10], br, bl];
  const H = homography(src, dst), Hi = homography(dst, src);
  const jpg = Buffer.from(await page.evaluate(photoDegrade, { png: full, Hi, ow, oh, p: PHOTO }), 'base64');
  write('syn-receipt-photo', { ext: 'jpg', bytes: jpg }, truth(lines, H, ow, oh));
  await page.close();
}

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch(LAUNCH);
try {
  await makeForm(browser);
  await makeReceipt(browser);
} finally {
  await browser.close();
}
