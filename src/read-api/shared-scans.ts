/**
 * The Web Share Target's hand-over from the service worker to the page: the manifest sends shared
 * files to SHARE_TARGET_PATH, the service worker stores each as a read job and redirects to the
 * app with what became of each file, in the URL's fragment (never sent anywhere, and nothing new
 * at rest in the job store: the names travel in the address only).
 */

/** The manifest's `share_target.action`, relative to the app's scope. */
export const SHARE_TARGET_PATH = 'share-target';
/** The form field the shared files arrive in (`share_target.params.files[].name`). */
export const SHARE_FILES_FIELD = 'files';

/** A shared file: stored as an operation, or refused with Azure's error message. */
export type SharedScan = { name: string; operationId: string } | { name: string; refusal: string };

/** Values joined by commas, each percent-encoded so that a comma in a name cannot split it. */
function joinList(values: string[]): string {
  return values.map(encodeURIComponent).join(',');
}

function splitList(value: string | null): string[] {
  if (!value) return [];
  try {
    return value.split(',').map(decodeURIComponent);
  } catch {
    // A hand-edited address with a broken escape: nothing to take from it.
    return [];
  }
}

/**
 * The app's address for the shared files, relative to its scope:
 * `#/scan?operations=id1,id2&names=a.png,b.pdf&refused=c.gif&errors=...`.
 */
export function sharedScansHash(scans: SharedScan[]): string {
  const stored = scans.filter((scan) => 'operationId' in scan);
  const refused = scans.filter((scan) => 'refusal' in scan);
  const query = new URLSearchParams();
  if (stored.length > 0) {
    query.set('operations', joinList(stored.map((scan) => scan.operationId)));
    query.set('names', joinList(stored.map((scan) => scan.name)));
  }
  if (refused.length > 0) {
    query.set('refused', joinList(refused.map((scan) => scan.name)));
    query.set('errors', joinList(refused.map((scan) => scan.refusal)));
  }
  const search = query.toString();
  return search ? `#/scan?${search}` : '#/scan';
}

/** The shared files a fragment names (none for any other fragment, or one whose lists do not pair up). */
export function sharedScansFromHash(hash: string): SharedScan[] {
  const at = hash.indexOf('?');
  if (!hash.startsWith('#/scan') || at < 0) return [];
  const query = new URLSearchParams(hash.slice(at + 1));
  const [ids, names] = [splitList(query.get('operations')), splitList(query.get('names'))];
  const [refused, errors] = [splitList(query.get('refused')), splitList(query.get('errors'))];
  const scans: SharedScan[] = [];
  if (ids.length === names.length) scans.push(...ids.map((operationId, i) => ({ name: names[i]!, operationId })));
  if (refused.length === errors.length) scans.push(...refused.map((name, i) => ({ name, refusal: errors[i]! })));
  return scans;
}
