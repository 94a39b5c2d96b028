import { describe, expect, it } from 'vitest';
import {
  ANALYZE_PATH,
  RESULTS_PATH_PREFIX,
  keyIdFromRegeneratePath,
  regenerateKeyPath,
  operationIdFromPath,
  operationLocation,
} from '../../../src/read-api/paths';

const ID = '49a36324-fc4b-4387-aa06-090cfbf0064f';

describe('Azure paths', () => {
  it('uses the Read 3.2 paths of the spec', () => {
    expect(ANALYZE_PATH).toBe('/vision/v3.2/read/analyze');
    expect(`${RESULTS_PATH_PREFIX}${ID}`).toBe(`/vision/v3.2/read/analyzeResults/${ID}`);
  });
});

describe('operationIdFromPath', () => {
  it('returns the last segment of a results path', () => {
    expect(operationIdFromPath(`/vision/v3.2/read/analyzeResults/${ID}`)).toBe(ID);
  });

  it.each([
    ['the analyze path', ANALYZE_PATH],
    ['the results prefix with no id', RESULTS_PATH_PREFIX],
    ['a trailing slash after the id', `${RESULTS_PATH_PREFIX}${ID}/`],
    ['a nested path', `${RESULTS_PATH_PREFIX}${ID}/extra`],
    ['another API version', `/vision/v3.1/read/analyzeResults/${ID}`],
    ['the prefix in the middle of a path', `/x${RESULTS_PATH_PREFIX}${ID}`],
  ])('answers null for %s', (_name, path) => {
    expect(operationIdFromPath(path)).toBeNull();
  });
});

describe('operationLocation', () => {
  it('is the absolute results URL with nothing after the id', () => {
    const location = operationLocation('https://localhost:4173', ID);
    expect(location).toBe(`https://localhost:4173/vision/v3.2/read/analyzeResults/${ID}`);
    expect(location.split('/').at(-1)).toBe(ID);
  });

  it('round-trips through operationIdFromPath', () => {
    expect(operationIdFromPath(new URL(operationLocation('http://example.test', ID)).pathname)).toBe(ID);
  });
});

describe('regenerate paths', () => {
  it('names each key under the keys extension path, and round-trips', () => {
    expect(regenerateKeyPath('key1')).toBe('/localread/v1/keys/key1/regenerate');
    expect(keyIdFromRegeneratePath(regenerateKeyPath('key2'))).toBe('key2');
  });

  it.each(['/localread/v1/keys/key3/regenerate', '/localread/v1/keys/key1', '/localread/v1/keys/key1/regenerate/'])(
    'answers null for %s',
    (path) => {
      expect(keyIdFromRegeneratePath(path)).toBeNull();
    },
  );
});
