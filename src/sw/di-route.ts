/**
 * What every Document Intelligence route shares: its answers and errors in DI's shape
 * (`{"error": {code, message, innererror?}}`, `x-ms-error-code`), the path, api-version and model
 * checks in the service's order, and the job lookup that keeps each contract's ids to itself.
 */
import { ReadApiError } from '../read-api/errors';
import { DiApiError, fromReadError, modelNotFound, operationNotFound, resourceNotFound } from '../read-api/document-intelligence/errors';
import { contractOf, isDiModel, type DocumentIntelligenceJob, type DiModelId } from '../read-api/document-intelligence/job-options';
import { checkApiVersion } from '../read-api/document-intelligence/params';
import { parseDiPath, type DiAction, type DiPath } from '../read-api/document-intelligence/paths';
import type { ApiKeyId } from '../read-api/paths';
import type { StoredJob } from '../jobs/job-store';
import { authorize, type RequestContext } from './api-context';
import { jsonResponse } from './respond';

export type DiHandler = (context: RequestContext) => Promise<Response>;

function diErrorResponse(error: DiApiError, requestId: string): Response {
  const response = jsonResponse(error.toBody(), error.status, requestId);
  response.headers.set('x-ms-error-code', error.inner?.code ?? error.code);
  return response;
}

/**
 * A handler whose predictable failures answer in DI's shape: Read errors from shared code (the
 * key's 401, the quota's 429, an upload's format) are translated; anything else is rethrown to
 * the router's one catch handler (500).
 */
export function diRoute(handler: DiHandler): DiHandler {
  return async (context) => {
    try {
      return await handler(context);
    } catch (reason) {
      if (reason instanceof DiApiError) return diErrorResponse(reason, context.requestId);
      if (reason instanceof ReadApiError) return diErrorResponse(fromReadError(reason), context.requestId);
      throw reason;
    }
  };
}

export interface CheckedPath extends DiPath {
  modelId: DiModelId;
  /** The key the request was made with. */
  keyId: ApiKeyId;
}

/**
 * The key first (the gateway answers 401 before anything else), then the path and api-version
 * (the gateway's 404), then the model (ModelNotFound). `actions` are the path's allowed kinds.
 */
export async function checkRequest(context: RequestContext, actions: readonly DiAction[]): Promise<CheckedPath> {
  const keyId = await authorize(context);
  const path = parseDiPath(context.url.pathname);
  if (!path || !actions.includes(path.action)) throw resourceNotFound();
  checkApiVersion(path.face, context.url.searchParams);
  if (!isDiModel(path.modelId)) throw modelNotFound();
  return { ...path, modelId: path.modelId, keyId };
}

/**
 * The job a result path names, when it was created through this face with this model: a Read
 * operation's id, or another model's, is not found here (and a DI id is not found by Read).
 */
export async function diJobOf(context: RequestContext, path: CheckedPath): Promise<StoredJob & { contract: DocumentIntelligenceJob }> {
  const job = path.resultId ? await context.store.get(path.resultId) : null;
  const contract = job ? contractOf(job.record) : null;
  if (!job || contract?.api !== 'document-intelligence' || contract.face !== path.face || contract.modelId !== path.modelId) {
    throw operationNotFound();
  }
  return { ...job, contract };
}
