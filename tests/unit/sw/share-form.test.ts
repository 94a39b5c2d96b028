import { describe, expect, it } from 'vitest';
import { sharedFilesOf } from '../../../src/sw/share-form';

describe('sharedFilesOf', () => {
  it('returns the files of the manifest’s field in the order sent, and nothing else', () => {
    const form = new FormData();
    form.append('files', new File(['a'], 'a.png'));
    form.append('title', 'a text field');
    form.append('other', new File(['x'], 'x.png'));
    form.append('files', new File(['b'], 'b.pdf'));
    expect(sharedFilesOf(form).map((file) => file.name)).toEqual(['a.png', 'b.pdf']);
  });

  it('drops the nameless empty part of a file input with nothing chosen, keeps an empty file with a name', () => {
    const form = new FormData();
    form.append('files', new File([], ''));
    form.append('files', new File([], 'empty.png'));
    expect(sharedFilesOf(form).map((file) => file.name)).toEqual(['empty.png']);
  });

  it('returns no files for a form without the field', () => {
    expect(sharedFilesOf(new FormData())).toEqual([]);
  });
});
