/**
 * `POST /vision/v3.2/read/analyze`: Read (JSON `{"url"}`) and ReadInStream (the file as the body)
 * share the URL and are told apart by the media type of `Content-Type`, parameters ignored.
 * Accepts a document and answers 202 with an absolute Operation-Location and an empty body.
 */
import { ReadApiError } from '../../read-api/errors';
import { validateUpload } from '../../read-api/formats';
import { isFileMediaType, mediaTypeOf } from '../../read-api/media-type';
import { parseAnalyzeParams } from '../../read-api/params';
import { operationLocation } from '../../read-api/paths';
import { signalJobCreated } from '../../jobs/job-signal';
import { authorize, type RequestContext } from '../api-context';
import { apiHeaders } from '../respond';
import { fetchImageUrl, type DownloadedDocument } from '../fetch-image-url';

/** Reads the document from the body: the file itself, or the one JSON `{"url": ...}` names. */
export async function readDocument({ request }: RequestContext, appOrigin: string): Promise<DownloadedDocument> {
  const mediaType = mediaTypeOf(request.headers.get('Content-Type'));
  if (mediaType === 'application/json') {
    return fetchImageUrl(await request.text(), { origin: appOrigin });
  }
  // A body sent without a type (fetch with an ArrayBuffer, XHR with an untyped Blob) is a file.
  if (mediaType === null || isFileMediaType(mediaType)) {
    const input = new Uint8Array(await request.arrayBuffer());
    return { input, format: validateUpload(input) };
  }
  throw new ReadApiError(
    'UnsupportedMediaType',
    `Content-Type '${mediaType}' is not supported; send the file as application/octet-stream, or application/json {"url": "..."}.`,
  );
}

/**
 * The handler. Checks in Azure's order: the key (the gateway's 401 comes first), the query, then
 * the body. Operation-Location uses the origin the caller addressed, ours or an Azure host's.
 */
export async function analyze(context: RequestContext): Promise<Response> {
  const keyId = await authorize(context);
  const params = parseAnalyzeParams(context.url.searchParams);
  const { input, format } = await readDocument(context, location.origin);
  const id = crypto.randomUUID();
  await context.store.create({ id, keyId, params, format, input });
  signalJobCreated(id);
  const headers = apiHeaders(context.requestId, {
    'Operation-Location': operationLocation(context.url.origin, id),
  });
  return new Response(null, { status: 202, headers });
}
