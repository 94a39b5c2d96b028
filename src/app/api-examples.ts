/**
 * The copy-paste examples of the API page, as code strings with this installation's endpoint and
 * key filled in. Each defines `async function readText(image)`, which reads a File or Blob and
 * resolves with its text, one line per line; the e2e suite runs them exactly as the page shows
 * them, so they cannot drift from the API.
 */

export interface ExampleTarget {
  /** The origin that answers the API (Azure's `{Endpoint}`). */
  endpoint: string;
  key: string;
}

export type ExampleName = 'fetch' | 'sdk';

/** One example of the API page: its name (for tests and copy buttons), title and code. */
export interface ApiExample<Name extends string = string> {
  name: Name;
  title: string;
  code: (target: ExampleTarget) => string;
}

/** The name of the function every example defines (what a caller, or the test, calls). */
export const EXAMPLE_FUNCTION = 'readText';

/** A single-quoted JavaScript string literal of `value`. */
export function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}

/** Plain fetch(): POST the bytes, then poll Operation-Location until the read ends. */
export function fetchExample({ endpoint, key }: ExampleTarget): string {
  return `// Reads the text of an image (a File or Blob) through the Azure Read 3.2 API.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  const accepted = await fetch(\`\${endpoint}/vision/v3.2/read/analyze\`, {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' },
    body: image,
  });
  if (accepted.status !== 202) throw new Error((await accepted.json()).error.message);
  const operation = accepted.headers.get('Operation-Location');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answer = await fetch(operation, { headers: { 'Ocp-Apim-Subscription-Key': key } });
    const result = await answer.json();
    if (result.status === 'failed') throw new Error('The document could not be read.');
    if (result.status === 'succeeded') {
      return result.analyzeResult.readResults
        .flatMap((page) => page.lines.map((line) => line.text))
        .join('\\n');
    }
  }
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** Microsoft's SDK, unchanged: readInStream, then getReadResult until the read ends. */
export function sdkExample({ endpoint, key }: ExampleTarget): string {
  return `// Microsoft's SDK: npm i @azure/cognitiveservices-computervision@8.2.0 @azure/ms-rest-js
// With a bundler:
//   import { ComputerVisionClient } from '@azure/cognitiveservices-computervision';
//   import { ApiKeyCredentials } from '@azure/ms-rest-js';
// In a page, the browser bundles (ms-rest-js/dist/msRest.browser.js, then
// cognitiveservices-computervision/dist/cognitiveservices-computervision.js) define them:
const { ComputerVisionClient } = Azure.CognitiveservicesComputervision;
const { ApiKeyCredentials } = msRest;

// Reads the text of an image (a File or Blob) through the Azure Read 3.2 API.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  const credentials = new ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': key } });
  const client = new ComputerVisionClient(credentials, endpoint);
  const { operationLocation } = await client.readInStream(image);
  const operationId = operationLocation.split('/').slice(-1)[0];
  let result;
  do {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    result = await client.getReadResult(operationId);
  } while (result.status === 'notStarted' || result.status === 'running');
  if (result.status !== 'succeeded') throw new Error('The document could not be read.');
  return result.analyzeResult.readResults
    .flatMap((page) => page.lines.map((line) => line.text))
    .join('\\n');
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** Every example, in the order the page shows them. */
export const EXAMPLES: ReadonlyArray<ApiExample<ExampleName>> = [
  { name: 'fetch', title: 'With fetch()', code: fetchExample },
  { name: 'sdk', title: "With Microsoft's JavaScript SDK", code: sdkExample },
];
