import { describe, expect, it } from 'vitest';
import { ReadApiError } from '../../../src/read-api/errors';
import {
  forwardedHeaders,
  forwardingHostFromPath,
  maskKey,
  validForwardingHost,
  validForwardingKey,
} from '../../../src/read-api/forwarding';
import { FORWARDING_KEY_ADDITIONAL_DATA, additionalDataOf } from '../../../src/read-api/privacy';

const AZURE_KEY = '0123456789abcdef0123456789abcdef';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ReadApiError) return error.code;
    throw error;
  }
  throw new Error('did not throw');
}

describe('forwardingHostFromPath', () => {
  it('reads the host segment, lower-cased', () => {
    expect(forwardingHostFromPath('/localread/v1/forwarding/MyRes.cognitiveservices.azure.com')).toBe('myres.cognitiveservices.azure.com');
  });

  it.each(['/localread/v1/forwarding', '/localread/v1/forwarding/', '/localread/v1/forwarding/a/b', '/localread/v1/settings'])(
    'is null for %s',
    (path) => {
      expect(forwardingHostFromPath(path)).toBeNull();
    },
  );
});

describe('validForwardingHost', () => {
  it.each(['myres.cognitiveservices.azure.com', 'westeurope.api.cognitive.microsoft.com', 'MyRes.CognitiveServices.Azure.Com'])(
    'accepts the Azure host %s, lower-cased',
    (host) => {
      expect(validForwardingHost(host)).toBe(host.toLowerCase());
    },
  );

  it.each([
    'example.com',
    'localhost',
    '127.0.0.1',
    'cognitiveservices.azure.com',
    'a.b.cognitiveservices.azure.com',
    'myres.cognitiveservices.azure.com.evil.test',
    'myres.cognitiveservices.azure.com:8443',
    'evil-cognitiveservices.azure.com',
    'myres.openai.azure.com',
  ])('refuses %s with BadArgument: only Azure AI services hosts may be named', (host) => {
    expect(codeOf(() => validForwardingHost(host))).toBe('BadArgument');
  });
});

describe('validForwardingKey', () => {
  it.each([AZURE_KEY, 'A'.repeat(84)])('accepts the key of an Azure resource (%s)', (key) => {
    expect(validForwardingKey({ key })).toBe(key);
  });

  it.each([
    ['no key', {}],
    ['a number', { key: 42 }],
    ['too short', { key: 'abc123' }],
    ['too long', { key: 'a'.repeat(129) }],
    ['a space', { key: `${AZURE_KEY.slice(1)} ` }],
    ['a line break, which would split the header', { key: `${AZURE_KEY}\r\nX-Evil: 1` }],
    ['not an object', 'key'],
    ['null', null],
  ])('refuses %s with BadArgument', (_name, body) => {
    expect(codeOf(() => validForwardingKey(body))).toBe('BadArgument');
  });
});

describe('maskKey', () => {
  it('shows the last 4 characters only, with one dot for each hidden one', () => {
    expect(maskKey(AZURE_KEY)).toBe(`${'•'.repeat(28)}cdef`);
    expect(maskKey(AZURE_KEY)).not.toContain(AZURE_KEY.slice(0, 5));
  });
});

describe('forwardedHeaders', () => {
  const sent = () =>
    new Headers({ 'Ocp-Apim-Subscription-Key': 'our-local-key', 'Content-Type': 'application/octet-stream', 'X-Trace': 'abc' });

  it('replaces the key header with the user key and keeps every other header as sent', () => {
    const headers = forwardedHeaders(sent(), AZURE_KEY);
    expect(Object.fromEntries(headers)).toEqual({
      'ocp-apim-subscription-key': AZURE_KEY,
      'content-type': 'application/octet-stream',
      'x-trace': 'abc',
    });
  });

  it('sends everything as sent, the key included, without a replacement', () => {
    expect(Object.fromEntries(forwardedHeaders(sent(), null))).toEqual(Object.fromEntries(sent()));
  });

  it('does not change the caller\'s headers', () => {
    const original = sent();
    forwardedHeaders(original, AZURE_KEY);
    expect(original.get('Ocp-Apim-Subscription-Key')).toBe('our-local-key');
  });
});

describe('the stated sealing of a forwarding key', () => {
  it('binds the host and the field, as the job store seals it', () => {
    expect(FORWARDING_KEY_ADDITIONAL_DATA).toBe('localread:{host}:forwardingKey');
    expect(additionalDataOf('myres.cognitiveservices.azure.com', 'forwardingKey')).toBe('localread:myres.cognitiveservices.azure.com:forwardingKey');
  });
});
