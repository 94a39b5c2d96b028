/**
 * The API page's examples of the synchronous calls: Image Analysis 4.0 (`features=read`) with
 * fetch() and with Microsoft's REST client, and the Read container's syncAnalyze. Like the Read
 * examples (`api-examples.ts`), each defines `async function readText(image)` and the e2e suite
 * runs them exactly as the page shows them.
 */
import { quote, type ApiExample, type ExampleTarget } from './api-examples';

export type SynchronousExampleName = 'image-analysis-fetch' | 'image-analysis-sdk' | 'sync-analyze-fetch';

/** Image Analysis with fetch(): one POST, the text in the answer. */
export function imageAnalysisFetchExample({ endpoint, key }: ExampleTarget): string {
  return `// Reads the text of an image (a File or Blob) through Azure Image Analysis 4.0, in one call.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  const answer = await fetch(\`\${endpoint}/computervision/imageanalysis:analyze?api-version=2024-02-01&features=read\`, {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' },
    body: image,
  });
  const result = await answer.json();
  if (!answer.ok) throw new Error(result.error.message);
  return result.readResult.blocks
    .flatMap((block) => block.lines.map((line) => line.text))
    .join('\\n');
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** Microsoft's Image Analysis REST client, unchanged. */
export function imageAnalysisSdkExample({ endpoint, key }: ExampleTarget): string {
  return `// Microsoft's SDK: npm i @azure-rest/ai-vision-image-analysis@1.0.0-beta.3 @azure/core-auth
// It ships no browser bundle; with a bundler:
//   import createClient, { isUnexpected } from '@azure-rest/ai-vision-image-analysis';
//   import { AzureKeyCredential } from '@azure/core-auth';

// Reads the text of an image (a File or Blob) through Azure Image Analysis 4.0, in one call.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  // The SDK refuses plain http unless told: needed for an http://localhost endpoint only.
  const client = createClient(endpoint, new AzureKeyCredential(key), {
    allowInsecureConnection: endpoint.startsWith('http:'),
  });
  const answer = await client.path('/imageanalysis:analyze').post({
    body: new Uint8Array(await image.arrayBuffer()),
    queryParameters: { features: ['read'] },
    contentType: 'application/octet-stream',
  });
  if (isUnexpected(answer)) throw new Error(answer.body.error.message);
  return answer.body.readResult.blocks
    .flatMap((block) => block.lines.map((line) => line.text))
    .join('\\n');
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** The Read container's syncAnalyze: Read 3.2's request, the whole result in the answer. */
export function syncAnalyzeFetchExample({ endpoint, key }: ExampleTarget): string {
  return `// Reads the text of a document (a File or Blob) in one call, without polling (Read's syncAnalyze).
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  const answer = await fetch(\`\${endpoint}/vision/v3.2/read/syncAnalyze\`, {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' },
    body: image,
  });
  const result = await answer.json();
  if (answer.status !== 200) throw new Error(result.error?.message ?? 'The document could not be read.');
  return result.analyzeResult.readResults
    .flatMap((page) => page.lines.map((line) => line.text))
    .join('\\n');
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** The synchronous examples, in the order the page shows them. */
export const SYNCHRONOUS_EXAMPLES: ReadonlyArray<ApiExample<SynchronousExampleName>> = [
  { name: 'image-analysis-fetch', title: 'Image Analysis 4.0 with fetch()', code: imageAnalysisFetchExample },
  { name: 'image-analysis-sdk', title: "Image Analysis 4.0 with Microsoft's JavaScript SDK", code: imageAnalysisSdkExample },
  { name: 'sync-analyze-fetch', title: 'Read in one call (syncAnalyze) with fetch()', code: syncAnalyzeFetchExample },
];
