/**
 * Validators for the Document Intelligence face's bodies, built from Azure's own spec
 * (`tests/fixtures/azure/DocumentIntelligence.json`, Azure/azure-rest-api-specs
 * `DocumentIntelligence/stable/2024-11-30`, MIT). Shared by the unit and e2e tests.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

const SPEC_URL = new URL('../fixtures/azure/DocumentIntelligence.json', import.meta.url);
const SPEC_ID = 'azure-document-intelligence-2024-11-30.json';

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

function buildAjv(): Ajv {
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as { definitions: Record<string, Schema> };
  const ajv = new Ajv({ allErrors: true });
  // RFC 3339 as the service writes it (toISOString), and absolute URIs.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) });
  // Only in fields this service never sends (base64 sources, field values): checked as strings.
  for (const format of ['byte', 'date', 'time']) ajv.addFormat(format, () => true);
  ajv.addVocabulary([...extensionKeywords(spec.definitions)]);
  for (const format of ['float', 'int32', 'int64', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema({ $id: SPEC_ID, definitions: spec.definitions });
  return ajv;
}

const ajv = buildAjv();
const ref = (name: string) => ({ $ref: `${SPEC_ID}#/definitions/${name}` });

const analyzeOperation = ajv.compile({
  allOf: [ref('AnalyzeOperation')],
  // Once succeeded the result is there; once failed the error is (the SDK's poller needs it).
  if: { type: 'object', properties: { status: { const: 'succeeded' } }, required: ['status'] },
  then: { type: 'object', required: ['analyzeResult'] },
  else: { if: { type: 'object', properties: { status: { const: 'failed' } }, required: ['status'] }, then: { type: 'object', required: ['error'] } },
});
const analyzeResult = ajv.compile(ref('AnalyzeResult'));
const errorResponse = ajv.compile(ref('DocumentIntelligenceErrorResponse'));

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
}

function assertValid(validate: ValidateFunction, body: unknown, name: string): void {
  if (!validate(body)) throw new Error(`Body is not a valid ${name}: ${describeErrors(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
}

/** Throws, listing every violation, unless `body` is an `AnalyzeOperation`. */
export function assertAnalyzeOperation(body: unknown): void {
  assertValid(analyzeOperation, body, 'AnalyzeOperation');
}

export function assertAnalyzeResult(body: unknown): void {
  assertValid(analyzeResult, body, 'AnalyzeResult');
}

/** Throws unless `body` is a `DocumentIntelligenceErrorResponse`. */
export function assertDiErrorBody(body: unknown): void {
  assertValid(errorResponse, body, 'DocumentIntelligenceErrorResponse');
}
