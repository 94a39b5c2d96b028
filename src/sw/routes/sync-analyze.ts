/**
 * `POST /vision/v3.2/read/syncAnalyze`, the Read container's synchronous call (CONTRACT.md §10):
 * the request of `read/analyze`, validated the same way, answered with the whole
 * `ReadOperationResult` once the engine has read the document. Nothing is kept: the job is
 * deleted as soon as it is answered. Served for our own origin only (Azure's cloud has no such
 * call); it asks for the key like every other call here.
 */
import { ReadApiError } from '../../read-api/errors';
import { parseAnalyzeParams } from '../../read-api/params';
import { authorize, type RequestContext } from '../api-context';
import { jsonResponse } from '../respond';
import { readSynchronously, SYNC_DEADLINE_MS, type JobWait } from '../synchronous-job';
import { readDocument } from './analyze';
import { toOperationResult } from './analyze-results';

/** The body the container answers a failed read with (capital F), plus the reason as an extension. */
interface SyncFailure {
  status: 'Failed';
  error: { code: string; message: string };
}

function answer(wait: JobWait, requestId: string): Response {
  switch (wait.outcome) {
    case 'ended': {
      const { record } = wait.job;
      if (record.status === 'succeeded') return jsonResponse(toOperationResult(wait.job), 200, requestId);
      const error = ReadApiError.from(record.error ?? { code: 'FailedToProcess', message: 'The document could not be read.' });
      return jsonResponse({ status: 'Failed', error: { code: error.code, message: error.message } } satisfies SyncFailure, error.status, requestId);
    }
    case 'timeout':
      throw new ReadApiError('Timeout', `The document was not read within ${SYNC_DEADLINE_MS / 1000} s; read long documents with POST /vision/v3.2/read/analyze.`);
    case 'no-engine':
      throw new ReadApiError('ServiceUnavailable', 'No reader is running: open localread in a browser tab on this device, then try again.');
    case 'gone':
      throw new ReadApiError('InternalServerError', 'The operation was deleted before it was read.');
    case 'aborted':
      // The caller is gone: nobody reads this answer.
      return Response.error();
  }
}

export async function syncAnalyze(context: RequestContext): Promise<Response> {
  const keyId = await authorize(context);
  const params = parseAnalyzeParams(context.url.searchParams);
  const { input, format } = await readDocument(context, location.origin);
  const job = { id: crypto.randomUUID(), keyId, params, format, input };
  const wait = await readSynchronously(context.store, job, { signal: context.request.signal });
  return answer(wait, context.requestId);
}
