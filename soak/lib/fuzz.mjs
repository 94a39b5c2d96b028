// Fuzzed requests for the soak: random methods, key headers, content types, bodies, query strings
// and operation ids against the Read API and the extensions, from a seeded random source. A
// request is data (sent by the page driver, driver.mjs), so a run is repeated by its seed.
import { onePngColour } from './inputs.mjs';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const KEY_MODES = ['valid', 'valid', 'valid', 'none', 'wrong', 'empty', 'long', 'key2'];
const CONTENT_TYPES = [
  undefined,
  'application/octet-stream',
  'application/json',
  'application/json; charset=utf-8',
  'image/png',
  'image/jpeg',
  'application/pdf',
  'image/tiff',
  'text/plain',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'junk/junk;;;',
  '',
];
const QUERY_VALUES = {
  language: ['en', 'de', 'xx', 'EN', '', 'zh-Hans', 'en,de', '%00', 'a'.repeat(300)],
  pages: ['1', '2-3', '0', '-1', '3-1', '1,,2', 'a', '1-', '99999999999', '1-2000', ' 1', '1.5'],
  readingOrder: ['basic', 'natural', 'Natural', 'random', '', '1'],
  'model-version': ['latest', '2022-04-30', '2021-04-12', 'v9', '', 'LATEST'],
  junk: ['1', '', '%ZZ', '<script>', '\u00e9'],
};
const BAD_IDS = [
  '',
  'x',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '%2F..%2Fkeys',
  '..',
  '%00',
  'a'.repeat(5000),
  '\u2603',
  '12345678-1234-1234-1234-1234567890ab?x=1',
  'id/with/slash',
  '%ZZ',
];

function pathFor(rng, ids) {
  const id = () => (ids.length && rng.next() < 0.3 ? rng.pick(ids) : rng.next() < 0.4 ? crypto.randomUUID() : rng.pick(BAD_IDS));
  const choice = rng.int(14);
  switch (choice) {
    case 0:
    case 1:
    case 2:
    case 3:
      return '/vision/v3.2/read/analyze';
    case 4:
    case 5:
    case 6:
      return `/vision/v3.2/read/analyzeResults/${id()}`;
    case 7:
      return rng.pick(['/localread/v1/keys', '/localread/v1/keys/key1/regenerate', '/localread/v1/keys/key3/regenerate', '/localread/v1/keys/']);
    case 8:
      return '/localread/v1/settings';
    case 9:
      return '/localread/v1/storage';
    case 10:
      return rng.next() < 0.15 ? '/localread/v1/operations' : `/localread/v1/operations/${id()}`;
    case 11:
      return rng.pick(['/localread/v1/', '/localread/v1/nothing', '/localread/', '/vision/v3.2/read/', '/vision/v3.1/read/analyze', '/vision/v3.2/read/analyzeResults/']);
    case 12:
      return `/vision/v3.2/read/analyze/${id()}`;
    default:
      return `/localread/v1/${rng.pick(['settings', 'storage', 'keys', 'operations'])}/${id()}`;
  }
}

/** The method a path is served for (the extension's reads and writes alike). */
function naturalMethod(rng, path) {
  if (path === '/vision/v3.2/read/analyze' || path.endsWith('/regenerate')) return 'POST';
  if (path === '/localread/v1/settings') return rng.pick(['GET', 'PATCH']);
  if (path.startsWith('/localread/v1/operations')) return rng.pick(['GET', 'DELETE']);
  return 'GET';
}

function queryFor(rng) {
  if (rng.next() < 0.4) return '';
  const params = [];
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i += 1) {
    const name = rng.pick(Object.keys(QUERY_VALUES));
    params.push(`${name}=${encodeURIComponent(rng.pick(QUERY_VALUES[name]))}`);
  }
  if (rng.next() < 0.1) params.push('&&=&');
  return `?${params.join('&')}`;
}

function base64(bytes) {
  return Buffer.from(bytes).toString('base64');
}

const SMALL_PNG = onePngColour(60, 60);
const PDF_HEAD = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');

function bodyFor(rng, origin) {
  switch (rng.int(11)) {
    case 0:
      return undefined;
    case 1:
      return { kind: 'b64', data: '' };
    case 2:
      return { kind: 'b64', data: base64(rng.bytes(1 + rng.int(4096))) };
    case 3:
      return { kind: 'b64', data: base64(SMALL_PNG.subarray(0, 1 + rng.int(SMALL_PNG.length - 1))) };
    case 4:
      return { kind: 'b64', data: base64(PDF_HEAD.subarray(0, 1 + rng.int(PDF_HEAD.length - 1))) };
    case 5:
      return { kind: 'text', text: rng.pick(['{', '[]', 'null', '"x"', '{"url":', '{"url":null}', '{"url":42}', '{"secondEngine":"yes"}', '{"retentionMs":-1}', '{"__proto__":{"x":1}}', '\u0000\u0001']) };
    case 6:
      return { kind: 'text', text: JSON.stringify({ url: rng.pick(['', 'not a url', 'ftp://x/y.png', `${origin}/nothing.png`, `${origin}/index.html`, `${origin}/vision/v3.2/read/analyze`, 'data:image/png;base64,AAAA', 'javascript:alert(1)']) }) };
    case 7:
      return { kind: 'huge', size: rng.pick([1, 2, 4]) * 1024 * 1024 };
    case 8:
      return { kind: 'b64', data: base64(SMALL_PNG) };
    case 9:
      return { kind: 'text', text: JSON.stringify({ [rng.pick(['answerAzureHosts', 'x', 'retentionMs'])]: rng.pick([null, 'x', [], {}, 1e308]) }) };
    default:
      return { kind: 'text', text: new TextDecoder().decode(rng.bytes(1 + rng.int(256))) };
  }
}

/**
 * `count` fuzzed requests for `origin`. `ids` are real operation ids, so some requests address
 * operations that exist. Each is `{method, url, keyMode, headers, body}`; the driver resolves
 * `keyMode` into a key header (the current key1 for `valid`).
 */
export function fuzzRequests(rng, count, origin, ids = []) {
  const requests = [];
  for (let i = 0; i < count; i += 1) {
    const path = pathFor(rng, ids);
    // Mostly the method the path is served for, so most requests get past routing.
    const method = rng.next() < 0.6 ? naturalMethod(rng, path) : rng.pick(METHODS);
    const headers = {};
    const contentType = rng.pick(CONTENT_TYPES);
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    if (rng.next() < 0.1) headers['X-Junk'] = 'x'.repeat(rng.int(2000));
    if (rng.next() < 0.05) headers['Content-Encoding'] = 'gzip';
    const body = method === 'GET' || method === 'HEAD' ? undefined : bodyFor(rng, origin);
    requests.push({ method, url: `${path}${queryFor(rng)}`, keyMode: rng.pick(KEY_MODES), headers, body });
  }
  return requests;
}
