import { describe, expect, it } from 'vitest';
import { cspDirectives, cspHeader, cspMeta } from '../../../src/read-api/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows scripts, workers and connections to the app\'s own origin only', () => {
    const policy = directives(cspMeta());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('allows no inline script or style, no eval and no blob: or data: scripts', () => {
    for (const policy of [cspMeta(), cspHeader()]) {
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(directives(policy).get('script-src')).not.toContain('blob:');
      expect(directives(policy).get('script-src')).not.toContain('data:');
    }
  });

  it('adds to connect-src only the sources it is given', () => {
    const policy = directives(cspHeader(['https://*.cognitiveservices.azure.com', 'https://images.example']));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://*.cognitiveservices.azure.com', 'https://images.example']);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('sends frame-ancestors in the header only, since a <meta> policy ignores it', () => {
    expect(directives(cspHeader()).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(cspMeta()).has('frame-ancestors')).toBe(false);
    expect(cspDirectives().map(([name]) => name)).not.toContain('frame-ancestors');
  });
});
