/**
 * The API page's Document Intelligence examples (2024-11-30, `prebuilt-read`), as code strings
 * with this installation's endpoint and key filled in. Like the Read examples, each defines
 * `async function readText(image)`, resolving with the document's `content`; the e2e suite runs
 * them exactly as the page shows them.
 */
import { quote, type ApiExample, type ExampleTarget } from './api-examples';

export type DiExampleName = 'di-fetch' | 'di-sdk';

/** Plain fetch(): POST the bytes to `prebuilt-read:analyze`, then poll Operation-Location. */
export function diFetchExample({ endpoint, key }: ExampleTarget): string {
  return `// Reads the text of a document (a File or Blob) through Azure Document Intelligence 2024-11-30.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  const accepted = await fetch(
    \`\${endpoint}/documentintelligence/documentModels/prebuilt-read:analyze?api-version=2024-11-30\`,
    {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream' },
      body: image,
    },
  );
  if (accepted.status !== 202) throw new Error((await accepted.json()).error.message);
  const operation = accepted.headers.get('Operation-Location');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answer = await fetch(operation, { headers: { 'Ocp-Apim-Subscription-Key': key } });
    const result = await answer.json();
    if (result.status === 'failed') throw new Error(result.error.message);
    if (result.status === 'succeeded') return result.analyzeResult.content;
  }
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** Microsoft's REST client, unchanged: post, getLongRunningPoller, pollUntilDone. */
export function diSdkExample({ endpoint, key }: ExampleTarget): string {
  return `// Microsoft's SDK: npm i @azure-rest/ai-document-intelligence@1.1.0, then (with a bundler):
//   import DocumentIntelligence, { getLongRunningPoller, isUnexpected } from '@azure-rest/ai-document-intelligence';

// Reads the text of a document (a File or Blob) through Azure Document Intelligence 2024-11-30.
async function readText(image) {
  const endpoint = ${quote(endpoint)};
  const key = ${quote(key)};
  // The SDK refuses plain http unless told: needed only for an http://localhost endpoint.
  const client = DocumentIntelligence(endpoint, { key }, { allowInsecureConnection: endpoint.startsWith('http:') });
  const initial = await client.path('/documentModels/{modelId}:analyze', 'prebuilt-read').post({
    contentType: 'application/octet-stream',
    body: new Uint8Array(await image.arrayBuffer()),
  });
  if (isUnexpected(initial)) throw new Error(initial.body.error.message);
  const final = await getLongRunningPoller(client, initial).pollUntilDone();
  if (isUnexpected(final)) throw new Error(final.body.error.message);
  return final.body.analyzeResult.content;
}

// For example: readText(document.querySelector('input[type=file]').files[0]).then(console.log);
`;
}

/** The Document Intelligence examples, in the order the page shows them. */
export const DI_EXAMPLES: ReadonlyArray<ApiExample<DiExampleName>> = [
  { name: 'di-fetch', title: 'Document Intelligence with fetch()', code: diFetchExample },
  { name: 'di-sdk', title: "Document Intelligence with Microsoft's SDK", code: diSdkExample },
];
