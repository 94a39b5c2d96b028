/**
 * `POST /computervision/imageanalysis:analyze` (Image Analysis 4.0, `features=read`), answered
 * synchronously with `ImageAnalysisResult`: the image is read by our engine as a one-page Read
 * job, waited for and deleted at once. Every failure is answered in this API's own error shape,
 * here rather than by the router's catch handler, which speaks Read 3.2's.
 */
import { ReadApiError } from '../../read-api/errors';
import { isFileMediaType, mediaTypeOf } from '../../read-api/media-type';
import type { AnalyzeParams } from '../../read-api/params';
import type { InputFormat } from '../../read-api/formats';
import {
  invalidRequest,
  serviceUnavailable,
  timedOut,
  toImageAnalysisError,
  type ImageAnalysisError,
} from '../../read-api/image-analysis/errors';
import { validateImageAnalysisInput } from '../../read-api/image-analysis/input';
import { parseImageAnalysisParams } from '../../read-api/image-analysis/params';
import { toImageAnalysisResult } from '../../read-api/image-analysis/to-image-analysis-result';
import { authorize, type RequestContext } from '../api-context';
import { fetchImageUrl } from '../fetch-image-url';
import { apiHeaders } from '../respond';
import { readSynchronously, SYNC_DEADLINE_MS, type JobWait } from '../synchronous-job';

/** One image: its first page only (a multi-page TIFF is read as its first frame), in Read's order. */
const IMAGE_JOB_PARAMS: AnalyzeParams = { readingOrder: 'basic', modelVersion: 'latest', pages: [{ from: 1, to: 1 }] };

function imageAnalysisJson(body: unknown, status: number, requestId: string, errorCode?: string): Response {
  const headers = apiHeaders(requestId, {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Expose-Headers': 'apim-request-id, x-ms-error-code',
    ...(errorCode ? { 'x-ms-error-code': errorCode } : {}),
  });
  return new Response(JSON.stringify(body), { status, headers });
}

function errorAnswer(error: ImageAnalysisError, requestId: string): Response {
  return imageAnalysisJson(error.toBody(), error.status, requestId, error.code);
}

/** The image: the body's bytes (octet-stream, image/*, or a multipart form's first file), or `{"url"}`. */
async function readImage({ request }: RequestContext): Promise<{ input: Uint8Array<ArrayBuffer>; format: InputFormat }> {
  const mediaType = mediaTypeOf(request.headers.get('Content-Type'));
  let input: Uint8Array<ArrayBuffer>;
  if (mediaType === 'application/json') {
    ({ input } = await fetchImageUrl(await request.text(), { origin: location.origin }));
  } else if (mediaType === null || isFileMediaType(mediaType)) {
    input = new Uint8Array(await request.arrayBuffer());
  } else if (mediaType === 'multipart/form-data') {
    const files: File[] = [];
    (await request.formData()).forEach((value) => typeof value !== 'string' && files.push(value));
    const file = files[0];
    if (!file) throw invalidRequest('The multipart body has no file part.');
    input = new Uint8Array(await file.arrayBuffer());
  } else {
    throw invalidRequest(`The provided image content type '${mediaType}' is not supported.`);
  }
  return { input, format: validateImageAnalysisInput(input) };
}

function answer(wait: JobWait, modelVersion: string, requestId: string): Response {
  switch (wait.outcome) {
    case 'ended': {
      const { record, result } = wait.job;
      if (record.status === 'succeeded' && result) {
        return imageAnalysisJson(toImageAnalysisResult(result, modelVersion), 200, requestId);
      }
      throw ReadApiError.from(record.error ?? { code: 'FailedToProcess', message: 'The image could not be read.' });
    }
    case 'timeout':
      throw timedOut(`The image was not read within ${SYNC_DEADLINE_MS / 1000} s.`);
    case 'no-engine':
      throw serviceUnavailable('No reader is running: open localread in a browser tab on this device, then try again.');
    case 'gone':
      throw new ReadApiError('InternalServerError', 'The analysis was deleted before it ended.');
    case 'aborted':
      // The caller is gone: nobody reads this answer.
      return Response.error();
  }
}

/** The handler: key, query, image, in the gateway's and the service's order. */
export async function imageAnalysis(context: RequestContext): Promise<Response> {
  try {
    const keyId = await authorize(context);
    const params = parseImageAnalysisParams(context.url.searchParams);
    const { input, format } = await readImage(context);
    const job = { id: crypto.randomUUID(), keyId, params: IMAGE_JOB_PARAMS, format, input };
    const wait = await readSynchronously(context.store, job, { signal: context.request.signal });
    return answer(wait, params.modelVersion, context.requestId);
  } catch (reason) {
    return errorAnswer(toImageAnalysisError(reason), context.requestId);
  }
}
