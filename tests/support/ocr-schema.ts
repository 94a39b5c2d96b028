/**
 * Validators for our API's bodies, built from Azure's own spec (`tests/fixtures/azure/Ocr.json`,
 * Azure/azure-rest-api-specs `ComputerVision/stable/v3.2/Ocr.json`, MIT). The SDK deserialises
 * leniently and would not notice a wrong shape, so the tests check it against the spec here.
 *
 * Shared by the unit tests (Vitest) and the e2e tests (Playwright, in Node): no test-runner imports.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

interface SwaggerSpec {
  definitions: Record<string, Schema>;
}

const SPEC_URL = new URL('../fixtures/azure/Ocr.json', import.meta.url);
const SPEC_ID = 'azure-read-v3.2-ocr.json';

/** Every `x-*` keyword (AutoRest annotations such as `x-ms-enum`, `x-nullable`) used in a schema. */
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

function definition(definitions: Record<string, Schema>, name: string): Schema {
  const schema = definitions[name];
  if (!schema) throw new Error(`Ocr.json has no definition '${name}'.`);
  return schema;
}

/**
 * The spec's definitions, with what the spec says only in prose made checkable. Each change
 * tightens or documents; none hand-copies a schema.
 */
function contractDefinitions(spec: SwaggerSpec): Record<string, Schema> {
  const definitions = structuredClone(spec.definitions);
  // BoundingBox's description says "The eight numbers"; the schema has no length.
  Object.assign(definition(definitions, 'BoundingBox'), { minItems: 8, maxItems: 8 });
  // The three fields are always sent (CONTRACT.md §4); the spec marks none of them required.
  definition(definitions, 'ReadOperationResult').required = ['status', 'createdDateTime', 'lastUpdatedDateTime'];
  // `code` is `modelAsString: true`: clients accept values outside the enum, and we send some.
  // Azure's gateway answers a bad key with code "401" and a rate limit with "429", and a deleted
  // or unknown operation answers 404 with "NotFound" (CONTRACT.md §5). So any non-empty string.
  const error = definition(definitions, 'ComputerVisionOcrError');
  const properties = error.properties as Record<string, Schema>;
  properties.code = { type: 'string', minLength: 1, description: properties.code?.description };
  return definitions;
}

function buildAjv(): Ajv {
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as SwaggerSpec;
  const ajv = new Ajv({ allErrors: true });
  // Swagger 2 schemas are JSON Schema draft 4 plus AutoRest's annotations: declare those as
  // annotation-only keywords (so strict mode still catches anything else), and the spec's
  // `format: float` as "any number".
  ajv.addVocabulary([...extensionKeywords(spec.definitions)]);
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addSchema({ $id: SPEC_ID, definitions: contractDefinitions(spec) });
  return ajv;
}

const ajv = buildAjv();

const readOperationResult = ajv.compile({
  $ref: `${SPEC_ID}#/definitions/ReadOperationResult`,
  // "analyzeResult: present once succeeded" (CONTRACT.md §4).
  if: { type: 'object', properties: { status: { const: 'succeeded' } }, required: ['status'] },
  then: { type: 'object', required: ['analyzeResult'] },
});

const errorBody = ajv.compile({
  type: 'object',
  required: ['error'],
  properties: { error: { $ref: `${SPEC_ID}#/definitions/ComputerVisionOcrError` } },
});

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
}

function assertValid(validate: ValidateFunction, body: unknown, name: string): void {
  if (!validate(body)) {
    throw new Error(`Body is not a valid ${name}: ${describeErrors(validate.errors)}\n${JSON.stringify(body)}`);
  }
}

/** Throws, listing every violation, unless `body` is a Read 3.2 `ReadOperationResult`. */
export function assertReadOperationResult(body: unknown): void {
  assertValid(readOperationResult, body, 'ReadOperationResult');
}

/** Throws unless `body` is `{"error": {code, message}}` with the inner object a ComputerVisionOcrError. */
export function assertErrorBody(body: unknown): void {
  assertValid(errorBody, body, 'error body');
}
