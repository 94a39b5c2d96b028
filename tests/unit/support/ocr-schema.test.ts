import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assertErrorBody, assertReadOperationResult } from '../../support/ocr-schema';

/** The parts of the spec's example that the tests below break, loosely typed so that they can. */
interface ExampleWord {
  boundingBox: number[];
  confidence?: unknown;
}
interface ExampleLine {
  boundingBox: number[];
  words: ExampleWord[];
  appearance: { style: { confidence?: number } };
}
interface ExamplePage {
  page: number;
  unit: string;
  lines?: ExampleLine[];
}
interface ExampleBody {
  analyzeResult: { modelVersion: string; readResults: ExamplePage[] };
}

/** The spec's own example of a succeeded GET (Azure/azure-rest-api-specs, MIT). */
function specExample(): ExampleBody {
  const example = JSON.parse(
    readFileSync(new URL('../../fixtures/azure/SuccessfulGetReadResult.json', import.meta.url), 'utf8'),
  ) as { responses: { '200': { body: ExampleBody } } };
  return example.responses['200'].body;
}

const page = (body: ExampleBody) => body.analyzeResult.readResults[0]!;
const line = (body: ExampleBody) => page(body).lines![0]!;
const word = (body: ExampleBody) => line(body).words[0]!;

/** The spec example with one change made by `edit`. */
function edited(edit: (body: ExampleBody) => unknown): ExampleBody {
  const body = specExample();
  edit(body);
  return body;
}

const TIMES = { createdDateTime: '2024-01-01T00:00:00Z', lastUpdatedDateTime: '2024-01-01T00:00:01Z' };

describe('assertReadOperationResult', () => {
  it("accepts the spec's own example", () => {
    expect(() => assertReadOperationResult(specExample())).not.toThrow();
  });

  it.each(['notStarted', 'running', 'failed'])('accepts a %s body with only status and times', (status) => {
    expect(() => assertReadOperationResult({ status, ...TIMES })).not.toThrow();
  });

  it.each([
    ['an unknown status', { status: 'canceled', ...TIMES }],
    ['a missing status', { ...TIMES }],
    ['a missing createdDateTime', { status: 'running', lastUpdatedDateTime: TIMES.lastUpdatedDateTime }],
    ['a succeeded body without analyzeResult', { status: 'succeeded', ...TIMES }],
    ['a body that is not an object', 'succeeded'],
  ])('rejects %s', (_name, body) => {
    expect(() => assertReadOperationResult(body)).toThrow(/ReadOperationResult/);
  });

  it.each([
    ['a seven-number line box', (b: ExampleBody) => line(b).boundingBox.pop()],
    ['a nine-number word box', (b: ExampleBody) => word(b).boundingBox.push(1)],
    ['a confidence given as text', (b: ExampleBody) => (word(b).confidence = '0.9')],
    ['a word without confidence', (b: ExampleBody) => delete word(b).confidence],
    ['a unit other than pixel or inch', (b: ExampleBody) => (page(b).unit = 'furlong')],
    ['a fractional page number', (b: ExampleBody) => (page(b).page = 1.5)],
    ['a page without lines', (b: ExampleBody) => delete page(b).lines],
    ['a model version off the pattern', (b: ExampleBody) => (b.analyzeResult.modelVersion = 'v2')],
    ['a line style missing its confidence', (b: ExampleBody) => delete line(b).appearance.style.confidence],
  ])('rejects the example with %s', (_name, edit) => {
    expect(() => assertReadOperationResult(edited(edit))).toThrow(/ReadOperationResult/);
  });
});

describe('assertErrorBody', () => {
  it.each([
    ['a code from the spec enum', { error: { code: 'InvalidImageSize', message: 'Too small.' } }],
    ['the gateway code "401"', { error: { code: '401', message: 'Access denied.' } }],
    ['our NotFound code', { error: { code: 'NotFound', message: 'No such operation.' } }],
    ['a requestId', { error: { code: 'BadArgument', message: 'x', requestId: 'r-1' } }],
  ])('accepts %s', (_name, body) => {
    expect(() => assertErrorBody(body)).not.toThrow();
  });

  it.each([
    ['the flat shape without the error wrapper', { code: 'BadArgument', message: 'x' }],
    ['a missing message', { error: { code: 'BadArgument' } }],
    ['a missing code', { error: { message: 'x' } }],
    ['an empty code', { error: { code: '', message: 'x' } }],
    ['a numeric code', { error: { code: 401, message: 'x' } }],
    ['an error given as a string', { error: 'BadArgument' }],
  ])('rejects %s', (_name, body) => {
    expect(() => assertErrorBody(body)).toThrow(/error body/);
  });
});
