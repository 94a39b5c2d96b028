/**
 * Validators for Image Analysis 4.0 bodies, built from Azure's own spec
 * (`tests/fixtures/azure/ImageAnalysis-2023-10-01.json`, Azure/azure-rest-api-specs
 * `ai/data-plane/ImageAnalysis/stable/2023-10-01/generated.json`, MIT).
 *
 * Shared by the unit tests (Vitest) and the e2e tests (Playwright, in Node): no test-runner imports.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

const SPEC_URL = new URL('../fixtures/azure/ImageAnalysis-2023-10-01.json', import.meta.url);
const SPEC_ID = 'azure-image-analysis-2023-10-01.json';
/** The same definitions, except that `readResult.blocks` is empty: the answer for an image with no text. */
const NO_TEXT_ID = 'azure-image-analysis-2023-10-01-no-text.json';

function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => extensionKeywords(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

/**
 * The spec's definitions, tightened where its prose says more than its schema: ImageAnalysisResult
 * has no other fields than the spec's, and no `*Result` but `readResult` is ever sent by us.
 */
function contractDefinitions(definitions: Record<string, Schema>, { noText = false } = {}): Record<string, Schema> {
  const tightened = structuredClone(definitions);
  if (noText) {
    const blocks = (tightened.ReadResult!.properties as Record<string, Schema>).blocks!;
    Object.assign(blocks, { minItems: 0, maxItems: 0 });
  }
  const result = tightened.ImageAnalysisResult!;
  const properties = result.properties as Record<string, Schema>;
  result.additionalProperties = false;
  for (const name of Object.keys(properties)) {
    if (name.endsWith('Result') && name !== 'readResult') delete properties[name];
  }
  return tightened;
}

function buildAjv(): Ajv {
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as { definitions: Record<string, Schema> };
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary([...extensionKeywords(spec.definitions)]);
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && Math.abs(value) < 2 ** 31 });
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
  ajv.addSchema({ $id: SPEC_ID, definitions: contractDefinitions(spec.definitions) });
  ajv.addSchema({ $id: NO_TEXT_ID, definitions: contractDefinitions(spec.definitions, { noText: true }) });
  return ajv;
}

const ajv = buildAjv();
const ref = (name: string) => ({ $ref: `${SPEC_ID}#/definitions/${name}` });

const imageAnalysisResult = ajv.compile({
  allOf: [ref('ImageAnalysisResult'), { type: 'object', required: ['readResult'] }],
});

/**
 * A result with no text: `readResult.blocks` empty, which the spec's `minItems: 1` does not
 * allow but the SDK's README expects (CONTRACT.md A2); everything else as the spec says.
 */
const emptyImageAnalysisResult = ajv.compile({
  allOf: [{ $ref: `${NO_TEXT_ID}#/definitions/ImageAnalysisResult` }, { type: 'object', required: ['readResult'] }],
});

/** The inner error also has the `message` every example of the docs shows (CONTRACT.md A4). */
const errorBody = ajv.compile({
  allOf: [
    ref('Azure.Core.Foundations.ErrorResponse'),
    {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            code: { type: 'string', minLength: 1 },
            message: { type: 'string', minLength: 1 },
            innererror: { type: 'object', required: ['code', 'message'], properties: { message: { type: 'string' } } },
          },
        },
      },
    },
  ],
});

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
}

function assertValid(validate: ValidateFunction, body: unknown, name: string): void {
  if (!validate(body)) {
    throw new Error(`Body is not a valid ${name}: ${describeErrors(validate.errors)}\n${JSON.stringify(body)}`);
  }
}

/** Throws, listing every violation, unless `body` is an `ImageAnalysisResult` with a `readResult`. */
export function assertImageAnalysisResult(body: unknown): void {
  const blocks = (body as { readResult?: { blocks?: unknown[] } } | null)?.readResult?.blocks;
  if (Array.isArray(blocks) && blocks.length === 0) assertValid(emptyImageAnalysisResult, body, 'ImageAnalysisResult (no text)');
  else assertValid(imageAnalysisResult, body, 'ImageAnalysisResult');
}

/** Throws unless `body` is the spec's `ErrorResponse`. */
export function assertImageAnalysisError(body: unknown): void {
  assertValid(errorBody, body, 'Image Analysis error body');
}
