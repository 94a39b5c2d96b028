/**
 * The files of a drop. A dropped folder is listed among `files` as an unreadable entry, so each
 * item is asked what it is (`webkitGetAsEntry`, the one way to tell; it works only during the
 * drop event) and folders are counted and left out.
 */

/** The parts of a DataTransfer a drop needs (tests give plain objects). */
export interface DroppedData {
  readonly items?: ArrayLike<{ readonly kind: string; getAsFile(): File | null; webkitGetAsEntry?(): { isDirectory: boolean } | null }>;
  readonly files: ArrayLike<File>;
}

export interface DroppedFiles {
  files: File[];
  /** Folders dropped, which are not read. */
  folders: number;
}

export function droppedFiles(data: DroppedData): DroppedFiles {
  if (!data.items) return { files: Array.from(data.files), folders: 0 };
  const result: DroppedFiles = { files: [], folders: 0 };
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      result.folders += 1;
      continue;
    }
    const file = item.getAsFile();
    if (file) result.files.push(file);
  }
  return result;
}

/** What the drop zone says about skipped folders; null when there were none. */
export function skippedFoldersMessage(folders: number): string | null {
  if (folders === 0) return null;
  if (folders === 1) return 'A folder was skipped: drop the files inside it instead.';
  return `${folders} folders were skipped: drop the files inside them instead.`;
}
