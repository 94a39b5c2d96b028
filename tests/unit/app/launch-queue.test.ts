import { describe, expect, it, vi } from 'vitest';
import { consumeLaunches, launchedFiles, type LaunchParams, type LaunchQueue } from '../../../src/app/launch-queue';

const fileHandle = (file: File) => ({ kind: 'file', getFile: async () => file });
const folderHandle = { kind: 'directory' };

/** A launch queue that keeps the consumer, so the test can launch. */
function fakeQueue(): LaunchQueue & { launch(params: LaunchParams): void } {
  let consumer: ((params: LaunchParams) => void) | undefined;
  return {
    setConsumer: (next) => (consumer = next),
    launch: (params) => consumer?.(params),
  };
}

describe('launchedFiles', () => {
  it('reads the files of the handles, skipping folders and files that cannot be read', async () => {
    const a = new File(['a'], 'a.png');
    const b = new File(['b'], 'b.pdf');
    const unreadable = { kind: 'file', getFile: () => Promise.reject(new DOMException('gone', 'NotFoundError')) };
    expect(await launchedFiles({ files: [fileHandle(a), folderHandle, unreadable, fileHandle(b)] })).toEqual([a, b]);
  });
});

describe('consumeLaunches', () => {
  it('hands each launch’s files to the callback', async () => {
    const queue = fakeQueue();
    const onFiles = vi.fn();
    expect(consumeLaunches(onFiles, queue)).toBe(true);
    const file = new File(['a'], 'a.tif');
    queue.launch({ files: [fileHandle(file)] });
    await vi.waitFor(() => expect(onFiles).toHaveBeenCalledWith([file]));
  });

  it('does not call back for a launch without files (the app opened from its icon)', async () => {
    const queue = fakeQueue();
    const onFiles = vi.fn();
    consumeLaunches(onFiles, queue);
    queue.launch({ files: [] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onFiles).not.toHaveBeenCalled();
  });

  it('returns false where the browser has no launch queue', () => {
    expect(consumeLaunches(vi.fn(), undefined)).toBe(false);
  });
});
