/**
 * `/localread/v1/operations` (extension):
 * `GET` lists the stored operations, metadata only (id, status, times, size), oldest first;
 * `DELETE` deletes every operation and replaces the encryption key (crypto-shredding).
 */
import type { DeletedAllInfo, OperationsInfo } from '../../read-api/extensions';
import { authorize, type RequestContext } from '../api-context';
import { jsonResponse } from '../respond';

export async function listOperations(context: RequestContext): Promise<Response> {
  await authorize(context);
  await context.store.sweep();
  const { operations } = await context.store.inventory();
  const body: OperationsInfo = {
    operations: operations.map(({ id, status, createdAt, expiresAt, bytes }) => ({
      id,
      status,
      createdDateTime: new Date(createdAt).toISOString(),
      expirationDateTime: new Date(expiresAt).toISOString(),
      bytes,
    })),
  };
  return jsonResponse(body, 200, context.requestId);
}

export async function deleteOperations(context: RequestContext): Promise<Response> {
  await authorize(context);
  const body: DeletedAllInfo = { deleted: await context.store.deleteAll(), keyReplaced: true };
  return jsonResponse(body, 200, context.requestId);
}
