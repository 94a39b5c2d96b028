/**
 * `POST /documentintelligence/documentModels/{modelId}:analyze?api-version=2024-11-30` (and the
 * legacy `/formrecognizer/...?api-version=2023-07-31`): the file as the body, or JSON
 * `{"urlSource"}` / `{"base64Source"}`, told apart by the media type. Answers 202 with an
 * absolute Operation-Location that repeats the model and the api-version, and an empty body.
 */
import { validateUpload } from '../../read-api/formats';
import { isFileMediaType, mediaTypeOf } from '../../read-api/media-type';
import { DiApiError, invalidContentSource } from '../../read-api/document-intelligence/errors';
import { parseDiAnalyzeQuery } from '../../read-api/document-intelligence/params';
import { diOperationLocation } from '../../read-api/document-intelligence/paths';
import { signalJobCreated } from '../../jobs/job-signal';
import type { RequestContext } from '../api-context';
import { apiHeaders } from '../respond';
import { fetchImageUrl, type DownloadedDocument } from '../fetch-image-url';
import { checkRequest, diRoute } from '../di-route';

/** Types the service takes that this engine cannot read (HEIF, Office, HTML): refused as content, not as a media type. */
const UNREADABLE_TYPES = /^(image\/heif|text\/html|application\/vnd\.openxmlformats-officedocument\.)/;

function unsupportedContent(mediaType: string): DiApiError {
  return new DiApiError('InvalidRequest', 'Invalid request.', {
    code: 'UnsupportedContent',
    message: `Content type ${mediaType} is not supported here; send PDF, JPEG, PNG, BMP or TIFF.`,
  });
}

function decodeBase64(source: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(source.replace(/\s+/g, ''));
  } catch {
    throw invalidContentSource('base64Source is not valid base64.');
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** `AnalyzeDocumentRequest`: exactly one of `urlSource` and `base64Source`. */
async function readJsonSource(text: string): Promise<DownloadedDocument> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidContentSource('the body is not valid JSON; send {"urlSource": "..."} or {"base64Source": "..."}.');
  }
  const { urlSource, base64Source } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const sources = [urlSource, base64Source].filter((value) => value !== undefined && value !== null);
  if (sources.length !== 1) throw invalidContentSource('send exactly one of urlSource and base64Source.');
  if (typeof urlSource === 'string') return fetchImageUrl(JSON.stringify({ url: urlSource }), { origin: location.origin });
  if (typeof base64Source === 'string') {
    const input = decodeBase64(base64Source);
    return { input, format: validateUpload(input) };
  }
  throw invalidContentSource('the source must be a string.');
}

async function readDocument({ request }: RequestContext): Promise<DownloadedDocument> {
  const mediaType = mediaTypeOf(request.headers.get('Content-Type'));
  if (mediaType === 'application/json') return readJsonSource(await request.text());
  if (mediaType !== null && UNREADABLE_TYPES.test(mediaType)) throw unsupportedContent(mediaType);
  if (mediaType === null || isFileMediaType(mediaType)) {
    const input = new Uint8Array(await request.arrayBuffer());
    return { input, format: validateUpload(input) };
  }
  throw new DiApiError('UnsupportedMediaType', `Content-Type '${mediaType}' is not supported; send the file (e.g. application/pdf, image/png) or application/json.`);
}

export const diAnalyze = diRoute(async (context) => {
  const path = await checkRequest(context, ['analyze']);
  const { params, contract } = parseDiAnalyzeQuery(path.face, path.modelId, context.url.searchParams);
  const { input, format } = await readDocument(context);
  const id = crypto.randomUUID();
  await context.store.create({ id, keyId: path.keyId, params, format, input, contract });
  signalJobCreated(id);
  const headers = apiHeaders(context.requestId, {
    'Operation-Location': diOperationLocation(context.url.origin, path.face, path.modelId, id),
    'Retry-After': '1',
  });
  return new Response(null, { status: 202, headers });
});
