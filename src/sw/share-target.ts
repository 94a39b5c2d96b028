/**
 * The Web Share Target (and any form) POSTing files to `share-target`: each file is validated
 * like an upload to `analyze` and stored as a read job under key1, and the answer is a `303` to
 * the app, which follows the new operations as its own scans. Jobs are created here rather than
 * in the page so that the shared files are never kept anywhere but in the sealed job store.
 */
import { validateUpload } from '../read-api/formats';
import { parseAnalyzeParams } from '../read-api/params';
import { SHARE_TARGET_PATH, sharedScansHash, type SharedScan } from '../read-api/shared-scans';
import { signalJobCreated } from '../jobs/job-signal';
import type { JobStore } from '../jobs/job-store';
import { sharedFilesOf } from './share-form';

/** Whether `request` is a POST to the share target under `scope` (the service worker's scope). */
export function isShareTargetRequest(request: Request, scope: string): boolean {
  const url = new URL(request.url);
  return request.method === 'POST' && url.origin + url.pathname === new URL(SHARE_TARGET_PATH, scope).href;
}

const messageOf = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/** Stores one file as a job: its operation id, or why it was refused (Azure's message). */
async function storeSharedFile(file: File, store: JobStore): Promise<SharedScan> {
  const name = file.name || 'shared file';
  try {
    const input = new Uint8Array(await file.arrayBuffer());
    const format = validateUpload(input);
    const id = crypto.randomUUID();
    await store.create({ id, keyId: 'key1', params: parseAnalyzeParams(new URLSearchParams()), format, input });
    signalJobCreated(id);
    return { name, operationId: id };
  } catch (reason) {
    return { name, refusal: messageOf(reason) };
  }
}

/**
 * Answers the share: `303` to `{scope}#/scan?operations=...`. It never answers with an error page:
 * a form that cannot be read, or a store that cannot be opened, is told to the app as a refusal.
 */
export async function receiveSharedFiles(request: Request, scope: string, openStore: () => Promise<JobStore>): Promise<Response> {
  let scans: SharedScan[];
  try {
    const files = sharedFilesOf(await request.formData());
    const store = await openStore();
    scans = [];
    // One at a time: each file is read into memory only while it is sealed.
    for (const file of files) scans.push(await storeSharedFile(file, store));
  } catch (reason) {
    scans = [{ name: 'Shared files', refusal: messageOf(reason) }];
  }
  return Response.redirect(new URL(sharedScansHash(scans), scope).href, 303);
}
