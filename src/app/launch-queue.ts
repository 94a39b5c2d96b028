/**
 * File Handling: files opened with the installed app ("Open with", a double click once it is the
 * default) arrive in `window.launchQueue`, not in the URL. Chromium only; elsewhere nothing happens.
 * https://wicg.github.io/manifest-incubations/#launchqueue-interface
 */

/** What a launch carries: handles of the opened files (and of folders, which are skipped). */
export interface LaunchParams {
  readonly files: ReadonlyArray<{ readonly kind: string; getFile?: () => Promise<File> }>;
}

export interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** The files of a launch, read from their handles; a file that cannot be read is left out. */
export async function launchedFiles(params: LaunchParams): Promise<File[]> {
  const files = await Promise.all(
    params.files.map((handle) => (handle.kind === 'file' && handle.getFile ? handle.getFile().catch(() => null) : null)),
  );
  return files.filter((file): file is File => file !== null);
}

/**
 * Hands every launch's files to `onFiles`. Returns false where the browser has no launch queue
 * (the page then gets files only from the picker, a drop or a paste).
 */
export function consumeLaunches(onFiles: (files: File[]) => void, queue = (globalThis as { launchQueue?: LaunchQueue }).launchQueue): boolean {
  if (!queue) return false;
  queue.setConsumer((params) => {
    void launchedFiles(params).then((files) => {
      if (files.length > 0) onFiles(files);
    });
  });
  return true;
}
