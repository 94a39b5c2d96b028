/** Any other method or path under the API prefixes: Azure's 404, never a trip to the network. */
import { ReadApiError } from '../../read-api/errors';
import type { RequestContext } from '../api-context';

export function notFound(context: RequestContext): Promise<Response> {
  const { method } = context.request;
  throw new ReadApiError('NotFound', `Resource not found: ${method} ${context.url.pathname}.`);
}
