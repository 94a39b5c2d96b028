import { describe, expect, it } from 'vitest';
import { FILE_MEDIA_TYPES, isFileMediaType, mediaTypeOf } from '../../../src/read-api/media-type';

describe('mediaTypeOf', () => {
  it.each([
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['Application/JSON;charset=UTF-8', 'application/json'],
    ['  image/PNG ; q=1', 'image/png'],
    ['application/octet-stream', 'application/octet-stream'],
  ])('reduces %j to %j', (header, type) => {
    expect(mediaTypeOf(header)).toBe(type);
  });

  it.each([null, '', '   ', '; charset=utf-8'])('answers null for %j', (header) => {
    expect(mediaTypeOf(header)).toBeNull();
  });
});

describe('FILE_MEDIA_TYPES', () => {
  it('includes the octet-stream type of ReadInStream and excludes JSON and multipart', () => {
    expect(FILE_MEDIA_TYPES).toContain('application/octet-stream');
    expect(FILE_MEDIA_TYPES).not.toContain('application/json');
    expect(FILE_MEDIA_TYPES).not.toContain('multipart/form-data');
  });

  it('lists only normalised media types, so a normalised header can be looked up', () => {
    for (const type of FILE_MEDIA_TYPES) expect(mediaTypeOf(type)).toBe(type);
  });
});

describe('isFileMediaType', () => {
  it.each(['application/octet-stream', 'image/png', 'image/tiff', 'application/pdf', 'image/gif', 'image/webp'])(
    'takes %s as the file itself',
    (type) => {
      expect(isFileMediaType(type)).toBe(true);
    },
  );

  it.each(['application/json', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'])(
    'does not take %s as a file',
    (type) => {
      expect(isFileMediaType(type)).toBe(false);
    },
  );
});
