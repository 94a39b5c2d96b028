import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestStores, openTestStore } from '../helpers/job-store';
import { readFixture } from '../helpers/fixtures';
import type { JobStore } from '../../../src/jobs/job-store';
import { sharedScansFromHash } from '../../../src/read-api/shared-scans';
import { isShareTargetRequest, receiveSharedFiles } from '../../../src/sw/share-target';

const SCOPE = 'https://localread.test/';

let store: JobStore;

beforeEach(async () => {
  ({ store } = await openTestStore());
});

afterEach(() => closeTestStores());

function shareRequest(files: File[]): Request {
  const form = new FormData();
  for (const file of files) form.append('files', file);
  return new Request(`${SCOPE}share-target`, { method: 'POST', body: form });
}

/** The files the redirect names, from its Location's fragment. */
function redirectedScans(response: Response) {
  const location = new URL(response.headers.get('Location') ?? '');
  expect(location.origin + location.pathname).toBe(SCOPE);
  return sharedScansFromHash(location.hash);
}

describe('isShareTargetRequest', () => {
  it('takes a POST to the share action under the scope only', () => {
    expect(isShareTargetRequest(new Request(`${SCOPE}share-target`, { method: 'POST' }), SCOPE)).toBe(true);
    expect(isShareTargetRequest(new Request(`${SCOPE}share-target?x=1`, { method: 'POST' }), SCOPE)).toBe(true);
    expect(isShareTargetRequest(new Request(`${SCOPE}share-target`), SCOPE)).toBe(false);
    expect(isShareTargetRequest(new Request(`${SCOPE}share-target/x`, { method: 'POST' }), SCOPE)).toBe(false);
    expect(isShareTargetRequest(new Request('https://elsewhere.test/share-target', { method: 'POST' }), SCOPE)).toBe(false);
  });
});

describe('receiveSharedFiles', () => {
  it('stores each accepted file as a waiting job under key1 and redirects with 303 to the app naming them', async () => {
    const png = readFixture('real-testocr.png');
    const pdf = readFixture('syn-scanned-page.pdf');
    const response = await receiveSharedFiles(
      shareRequest([new File([png], 'receipt.png', { type: 'image/png' }), new File([pdf], 'letter.pdf')]),
      SCOPE,
      async () => store,
    );
    expect(response.status).toBe(303);
    const scans = redirectedScans(response);
    expect(scans.map((scan) => scan.name)).toEqual(['receipt.png', 'letter.pdf']);
    for (const [scan, format] of [[scans[0]!, 'png'], [scans[1]!, 'pdf']] as const) {
      if (!('operationId' in scan)) throw new Error(`${scan.name} was refused: ${scan.refusal}`);
      const stored = await store.get(scan.operationId);
      expect(stored?.record).toMatchObject({ status: 'notStarted', keyId: 'key1', format, hasInput: true });
    }
    // The sealed inputs are the files, byte for byte, as the engine will claim them (in either
    // order: the test's clock gives both the same creation time).
    const inputs = new Map<string, Uint8Array>();
    for (let claimed = await store.claimNext('test', 30_000); claimed; claimed = await store.claimNext('test', 30_000)) {
      inputs.set(claimed.record.id, claimed.input);
    }
    const ids = scans.map((scan) => ('operationId' in scan ? scan.operationId : ''));
    expect(Buffer.from(inputs.get(ids[0]!)!).equals(Buffer.from(png))).toBe(true);
    expect(Buffer.from(inputs.get(ids[1]!)!).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses a file the reader cannot take with Azure’s message, and stores the others', async () => {
    const response = await receiveSharedFiles(
      shareRequest([new File([readFixture('bad/unsupported.gif')], 'notes.gif'), new File([readFixture('real-testocr.png')], 'ok.png'), new File([], 'empty.png')]),
      SCOPE,
      async () => store,
    );
    expect(response.status).toBe(303);
    expect(redirectedScans(response)).toEqual([
      { name: 'ok.png', operationId: expect.any(String) },
      { name: 'notes.gif', refusal: expect.stringContaining('Input data is not a valid image') },
      { name: 'empty.png', refusal: 'The input is empty.' },
    ]);
    expect((await store.inventory()).operations).toHaveLength(1);
  });

  it('tells the app, still with a 303, when the store cannot be opened', async () => {
    const response = await receiveSharedFiles(shareRequest([new File([readFixture('real-testocr.png')], 'a.png')]), SCOPE, async () => {
      throw new Error('The database is blocked.');
    });
    expect(response.status).toBe(303);
    expect(redirectedScans(response)).toEqual([{ name: 'Shared files', refusal: 'The database is blocked.' }]);
  });

  it('tells the app when the body is not a form', async () => {
    const request = new Request(`${SCOPE}share-target`, { method: 'POST', body: 'not a form', headers: { 'Content-Type': 'text/plain' } });
    const response = await receiveSharedFiles(request, SCOPE, async () => store);
    expect(response.status).toBe(303);
    expect(redirectedScans(response)).toEqual([{ name: 'Shared files', refusal: expect.any(String) }]);
  });
});
