/** `GET /vision/v3.2/read/analyzeResults/{id}`: the status of an operation and, once done, its result. */
import { ReadApiError } from '../../read-api/errors';
import { operationIdFromPath } from '../../read-api/paths';
import type { LocalReadOperationResult } from '../../read-api/extensions';
import { contractOf } from '../../read-api/document-intelligence/job-options';
import type { StoredJob, StoredJobJson } from '../../jobs/job-store';
import { authorize, type RequestContext } from '../api-context';
import { jsonPartsResponse, jsonResponse } from '../respond';

function operationNotFound(): ReadApiError {
  return new ReadApiError('NotFound', 'Operation not found: it is unknown, expired or deleted.');
}

/** The GET body: Azure's fields, plus `progress` while a job runs and `error` once it failed. */
export function toOperationResult({ record, result }: StoredJob): LocalReadOperationResult {
  const body: LocalReadOperationResult = {
    status: record.status,
    createdDateTime: new Date(record.createdAt).toISOString(),
    lastUpdatedDateTime: new Date(record.updatedAt).toISOString(),
  };
  if (record.status === 'succeeded' && result) body.analyzeResult = result;
  if (record.status === 'running' && record.progress) body.progress = record.progress;
  if (record.status === 'failed' && record.error) body.error = record.error;
  return body;
}

/**
 * The GET answer of `toOperationResult`, with a stored result passed on as the JSON it was
 * stored as: `analyzeResult` is the body's last field, so its bytes go in before the closing brace.
 */
export function operationResultResponse({ record, resultJson }: StoredJobJson, requestId: string): Response {
  const body = toOperationResult({ record });
  if (record.status !== 'succeeded' || !resultJson) return jsonResponse(body, 200, requestId);
  const head = `${JSON.stringify(body).slice(0, -1)},"analyzeResult":`;
  return jsonPartsResponse([head, resultJson, '}'], 200, requestId);
}

export async function analyzeResults(context: RequestContext): Promise<Response> {
  await authorize(context);
  const id = operationIdFromPath(context.url.pathname);
  if (!id) throw operationNotFound();
  const job = await context.store.getJson(id);
  // A Document Intelligence job is answered by its own face only.
  if (!job || contractOf(job.record).api !== 'read') throw operationNotFound();
  return operationResultResponse(job, context.requestId);
}
