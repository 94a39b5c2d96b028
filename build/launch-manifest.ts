/**
 * The manifest members that let the installed app work with others: the system share sheet
 * (Web Share Target) and "Open with" for files (File Handling). Both accept Read 3.2's formats.
 */
import { SHARE_FILES_FIELD, SHARE_TARGET_PATH } from '../src/read-api/shared-scans.ts';

/** Media types with their file extensions, the formats the reader takes. */
const ACCEPTED: Record<string, string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/bmp': ['.bmp'],
  'image/tiff': ['.tif', '.tiff'],
  'application/pdf': ['.pdf'],
};

/** Shared files are POSTed to the service worker, which stores them as jobs (src/sw/share-target.ts). */
export const SHARE_TARGET = {
  action: `/${SHARE_TARGET_PATH}`,
  method: 'POST' as const,
  enctype: 'multipart/form-data',
  params: { files: [{ name: SHARE_FILES_FIELD, accept: Object.entries(ACCEPTED).flat(2) }] },
};

/** Opened files reach the page's `launchQueue` consumer (src/app/launch-queue.ts). */
export const FILE_HANDLERS = [{ action: '/', accept: ACCEPTED }];
