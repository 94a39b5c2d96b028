/** `POST /vision/v3.2/read/analyze`: accepts a document and answers 202 with Operation-Location. */
import { ReadApiError } from '../../read-api/errors';
import { validateUpload } from '../../read-api/formats';
import { FILE_MEDIA_TYPES, mediaTypeOf } from '../../read-api/media-type';
import { parseAnalyzeParams } from '../../read-api/params';
import { operationLocation } from '../../read-api/paths';
import { signalJobCreated } from '../../jobs/job-signal';
import { authorize, type RequestContext } from '../api-context';
import { apiHeaders } from '../respond';
import { fetchImageUrl } from '../fetch-image-url';

/** Reads the document from the body: the file itself, or JSON `{"url": ...}`. */
async function readDocument(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const mediaType = mediaTypeOf(request.headers.get('Content-Type'));
  if (mediaType === 'application/json') {
    return fetchImageUrl(await request.text(), request.url);
  }
  // A body sent without a type (fetch with an ArrayBuffer, XHR with an untyped Blob) is a file.
  if (mediaType === null || FILE_MEDIA_TYPES.includes(mediaType)) {
    return new Uint8Array(await request.arrayBuffer());
  }
  throw new ReadApiError(
    'UnsupportedMediaType',
    `Content-Type '${mediaType}' is not supported; send application/octet-stream or application/json.`,
  );
}

export async function analyze(context: RequestContext): Promise<Response> {
  const keyId = await authorize(context);
  const params = parseAnalyzeParams(context.url.searchParams);
  const input = await readDocument(context.request);
  const format = validateUpload(input);
  const id = crypto.randomUUID();
  await context.store.create({ id, keyId, params, format, input });
  signalJobCreated(id);
  const headers = apiHeaders(context.requestId, {
    'Operation-Location': operationLocation(context.url.origin, id),
  });
  return new Response(null, { status: 202, headers });
}
