/**
 * What the page gets of Microsoft's Image Analysis REST client, bundled unchanged for the browser
 * by `image-analysis-sdk.ts` (test-only: the app never ships it).
 */
export { default as createClient, isUnexpected } from '@azure-rest/ai-vision-image-analysis';
export { AzureKeyCredential } from '@azure/core-auth';
