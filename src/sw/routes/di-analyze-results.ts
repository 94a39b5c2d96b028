/**
 * `GET .../documentModels/{modelId}/analyzeResults/{resultId}` (the operation and, once done, the
 * engine's one stored result in DI's shape), its `DELETE` (204) and `GET .../pdf` (the searchable
 * PDF, when the analyze call asked for `output=pdf`). The legacy face has neither DELETE nor PDF.
 */
import { DiApiError, failedOperationError, resourceNotFound } from '../../read-api/document-intelligence/errors';
import { toAnalyzeResult } from '../../read-api/document-intelligence/to-analyze-result';
import type { AnalyzeOperation } from '../../read-api/document-intelligence/types';
import { apiHeaders, jsonResponse } from '../respond';
import { checkRequest, diJobOf, diRoute } from '../di-route';

export const diAnalyzeResult = diRoute(async (context) => {
  const path = await checkRequest(context, ['result']);
  const { record, result, contract } = await diJobOf(context, path);
  const body: AnalyzeOperation = {
    status: record.status,
    createdDateTime: new Date(record.createdAt).toISOString(),
    lastUpdatedDateTime: new Date(record.updatedAt).toISOString(),
  };
  if (record.status === 'succeeded' && result) body.analyzeResult = toAnalyzeResult(result, contract);
  if (record.status === 'failed') body.error = failedOperationError(record.error ?? { code: 'FailedToProcess', message: 'The document could not be processed.' });
  const response = jsonResponse(body, 200, context.requestId);
  // The SDK's poller waits Retry-After seconds between polls (2 s without it).
  if (record.status === 'notStarted' || record.status === 'running') response.headers.set('Retry-After', '1');
  return response;
});

export const diDeleteResult = diRoute(async (context) => {
  const path = await checkRequest(context, ['result']);
  if (path.face !== 'documentintelligence') throw resourceNotFound();
  await diJobOf(context, path);
  await context.store.delete(path.resultId!);
  return new Response(null, { status: 204, headers: apiHeaders(context.requestId) });
});

function outputNotFound(): DiApiError {
  return new DiApiError('NotFound', 'Resource not found.', {
    code: 'OutputOptionNotFound',
    message: 'The output option was not found: Failed to generate the analyze results in the output option format. Output option should be informed in analyze call.',
  });
}

export const diResultPdf = diRoute(async (context) => {
  const path = await checkRequest(context, ['pdf']);
  if (path.face !== 'documentintelligence') throw resourceNotFound();
  const { record, contract } = await diJobOf(context, path);
  if (!contract.outputPdf) throw outputNotFound();
  if (record.status === 'notStarted' || record.status === 'running') {
    throw new DiApiError('InvalidRequest', 'Invalid request.', { code: 'OperationNotComplete', message: 'The analyze operation has not completed yet.' });
  }
  const pdf = await context.store.pdf(record.id);
  if (!pdf) throw outputNotFound();
  const headers = apiHeaders(context.requestId, { 'Content-Type': 'application/pdf' });
  return new Response(pdf, { status: 200, headers });
});

/** Any other path under the DI prefixes (models, classifiers, batch, build...): the service's 404. */
export const diNotFound = diRoute(async (context) => {
  await checkRequest(context, []);
  throw resourceNotFound();
});
