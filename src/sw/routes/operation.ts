/**
 * `DELETE /localread/v1/operations/{id}` (extension): deletes one operation now, its record and
 * every payload; `204`, or `404` when it is unknown, expired or already deleted. Afterwards the
 * Read API answers `404` for it, as for an expired one.
 */
import { ReadApiError } from '../../read-api/errors';
import { extensionOperationIdFromPath } from '../../read-api/paths';
import { authorize, type RequestContext } from '../api-context';
import { apiHeaders } from '../respond';

export async function deleteOperation(context: RequestContext): Promise<Response> {
  await authorize(context);
  const id = extensionOperationIdFromPath(context.url.pathname);
  // An operation past its window is already gone for every caller: sweep before looking.
  await context.store.sweep();
  if (!id || !(await context.store.delete(id))) {
    throw new ReadApiError('NotFound', 'Operation not found: it is unknown, expired or deleted.');
  }
  return new Response(null, { status: 204, headers: apiHeaders(context.requestId) });
}
