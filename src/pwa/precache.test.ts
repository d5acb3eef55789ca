import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP, cspText, parsePrecache, precacheOf, serviceWorkerSource, withCsp } from './precache';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const BUILD = [
  { path: 'index.html', digest: 'a1' },
  { path: 'sw.js', digest: 'ff' },
  { path: 'assets/index-AbC123.js', digest: 'b2' },
  { path: 'assets/tfjs-backend-wasm-simd-XyZ.wasm', digest: 'c3' },
  { path: 'samples/adult.csv', digest: 'd4' },
];

describe('precacheOf', () => {
  it('lists every file but the service worker, sorted, with a 16-hex-digit version', () => {
    const { files, version } = precacheOf(BUILD, sha256);
    expect(files).toEqual([
      'assets/index-AbC123.js',
      'assets/tfjs-backend-wasm-simd-XyZ.wasm',
      'index.html',
      'samples/adult.csv',
    ]);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same version whatever the order the files come in', () => {
    expect(precacheOf([...BUILD].reverse(), sha256).version).toBe(precacheOf(BUILD, sha256).version);
  });

  it('changes the version when a file changes, is renamed or is added, not when sw.js changes', () => {
    const base = precacheOf(BUILD, sha256).version;
    const edit = (i: number, change: object) => BUILD.map((f, j) => (j === i ? { ...f, ...change } : f));
    expect(precacheOf(edit(4, { digest: 'e5' }), sha256).version).not.toBe(base);
    expect(precacheOf(edit(4, { path: 'samples/adult2.csv' }), sha256).version).not.toBe(base);
    expect(precacheOf([...BUILD, { path: 'icon-192.png', digest: 'f6' }], sha256).version).not.toBe(base);
    expect(precacheOf(edit(1, { digest: '00' }), sha256).version).toBe(base);
  });
});

describe('serviceWorkerSource and parsePrecache', () => {
  it('puts the list above the template and reads it back', () => {
    const precache = precacheOf(BUILD, sha256);
    const source = serviceWorkerSource('self.addEventListener("install", () => {});\n', precache);
    expect(source.endsWith('self.addEventListener("install", () => {});\n')).toBe(true);
    expect(parsePrecache(source)).toEqual(precache);
  });

  it('refuses a file that is not a generated service worker', () => {
    expect(() => parsePrecache('console.log(1);\n')).toThrow('not a generated service worker');
  });
});

describe('the Content-Security-Policy', () => {
  it('allows this origin only: no inline script or style, no eval, plugins or form posts', () => {
    const policy = Object.fromEntries(CSP);
    expect(policy['default-src']).toBe("'self'");
    expect(policy['connect-src']).toBe("'self'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['form-action']).toBe("'none'");
    expect(cspText()).not.toMatch(/\*|https?:|data:|blob:|unsafe/);
  });

  it('goes into index.html right after <meta charset>, before anything it governs', () => {
    const html = '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>x</title>\n';
    const out = withCsp(html, "default-src 'self'");
    expect(out).toBe(
      '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n' +
        `    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n    <title>x</title>\n`,
    );
  });

  it('goes right after <head> when there is no charset, and escapes quotes', () => {
    expect(withCsp('<html><head><title>x</title>', 'a "b"')).toBe(
      '<html><head>\n    <meta http-equiv="Content-Security-Policy" content="a &quot;b&quot;" /><title>x</title>',
    );
    expect(() => withCsp('<p>no head</p>')).toThrow('no <head>');
  });
});
