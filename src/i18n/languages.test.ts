import { describe, expect, it } from 'vitest';
import { en } from './en';
import { initialLanguage, LANGUAGES } from './languages';
import { zh } from './zh';

/** Every key path of a catalogue, with the kind of its value (functions by their arity). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()${value.length}`];
  if (typeof value === 'string') return [`${path}:string`];
  if (value && typeof value === 'object')
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], `${path}.${key}`));
  return [`${path}:${typeof value}`];
}

/** Every string a catalogue holds, functions called with placeholder arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    // A string that also carries the fields message functions read from their parameter object.
    const arg = Object.assign(new String('7'), { reason: 'x', count: 2, part: 'x' });
    try {
      return texts(
        (value as (...a: unknown[]) => unknown)(
          ...Array.from({ length: Math.max(1, value.length) }, () => arg),
        ),
      );
    } catch {
      return ['(needs real arguments)'];
    }
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('catalogues', () => {
  it('Chinese has every message English has, with the same parameters', () => {
    expect(shape(zh)).toEqual(shape(en));
  });

  it('Chinese is translated: nearly every message differs from English and holds Chinese characters', () => {
    const english = texts(en);
    const chinese = texts(zh);
    expect(chinese.length).toBe(english.length);
    const same = chinese.filter((text, i) => text === english[i] && /[a-z]{4,}/i.test(text));
    // Names that stay as they are (the app's name, file formats, technical terms).
    expect(
      same.filter(
        (t) => !/Lepton Workbench|UTF-8|Windows-1252|CSV|JSON|WebGPU|WebGL|WASM|HTML|Markdown/.test(t),
      ),
    ).toEqual([]);
    expect(chinese.filter((t) => /[\u4e00-\u9fff]/.test(t)).length).toBeGreaterThan(chinese.length * 0.8);
  });

  it('picks the URL language, then the saved one, then the browser’s, else English', () => {
    expect(Object.keys(LANGUAGES)).toEqual(['en', 'zh']);
    expect(initialLanguage('zh', 'en', ['en-US'])).toBe('zh');
    expect(initialLanguage(null, 'zh', ['en-US'])).toBe('zh');
    expect(initialLanguage(null, null, ['fr-FR', 'zh-CN'])).toBe('zh');
    expect(initialLanguage('xx', null, ['de'])).toBe('en');
    expect(initialLanguage('constructor', '__proto__', ['toString'])).toBe('en');
  });
});
