import { describe, expect, it } from 'vitest';
import { droppedFiles, skippedFoldersMessage, type DroppedData } from '../../../src/app/dropped-files';

const file = (name: string) => new File(['x'], name);

/** A drop's items as Chromium lists them: files, folders (whose getAsFile is an unreadable entry) and strings. */
function drop(entries: Array<File | 'folder' | 'text'>): DroppedData {
  type Item = NonNullable<DroppedData['items']>[number];
  const items = entries.map((entry): Item => {
    if (entry === 'text') return { kind: 'string', getAsFile: () => null, webkitGetAsEntry: () => null };
    if (entry === 'folder') return { kind: 'file', getAsFile: () => file('photos'), webkitGetAsEntry: () => ({ isDirectory: true }) };
    return { kind: 'file', getAsFile: () => entry, webkitGetAsEntry: () => ({ isDirectory: false }) };
  });
  return { items, files: [] };
}

describe('droppedFiles', () => {
  it('returns every dropped file in order, and counts folders without reading them', () => {
    const { files, folders } = droppedFiles(drop([file('a.png'), 'folder', file('b.pdf'), 'text', file('c.tif')]));
    expect(files.map((each) => each.name)).toEqual(['a.png', 'b.pdf', 'c.tif']);
    expect(folders).toBe(1);
  });

  it('takes the file list where the browser gives no items', () => {
    expect(droppedFiles({ files: [file('a.png'), file('b.png')] })).toEqual({ files: [file('a.png'), file('b.png')], folders: 0 });
  });
});

describe('skippedFoldersMessage', () => {
  it('says nothing without folders, and how many were skipped otherwise', () => {
    expect(skippedFoldersMessage(0)).toBeNull();
    expect(skippedFoldersMessage(1)).toBe('A folder was skipped: drop the files inside it instead.');
    expect(skippedFoldersMessage(2)).toBe('2 folders were skipped: drop the files inside them instead.');
  });
});
