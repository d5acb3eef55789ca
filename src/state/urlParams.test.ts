import { describe, expect, it } from 'vitest';
import { embedUrl, iframeSnippet, readUrlParams } from './urlParams';

describe('URL parameters', () => {
  it('reads a sample, its settings, embed mode, the language and the parent origin', () => {
    const p = readUrlParams(
      '?sample=adult&target=income&sensitive=sex,%20race&model=logistic&embed=1&lang=zh&parent=https://course.example/page',
    );
    expect(p).toEqual({
      sample: 'adult',
      target: 'income',
      positive: null,
      sensitive: ['sex', 'race'],
      model: 'logistic',
      embed: true,
      lang: 'zh',
      parent: 'https://course.example',
    });
  });

  it('ignores what it cannot use: an unknown model, empty values, a parent that is not http(s)', () => {
    const p = readUrlParams('?model=svm&target=&sensitive=,&parent=javascript:alert(1)&embed=0');
    expect(p.model).toBeNull();
    expect(p.target).toBeNull();
    expect(p.sensitive).toEqual([]);
    expect(p.parent).toBeNull();
    expect(p.embed).toBe(false);
  });

  it('builds the embed address of a sample (never data) and reads it back', () => {
    const url = embedUrl('https://lepton.example/app/?old=1#fairness', {
      sample: 'adult',
      target: 'income',
      positive: '>50K',
      sensitive: ['sex', 'race'],
      model: 'boosted',
    });
    expect(url.startsWith('https://lepton.example/app/?sample=adult&')).toBe(true);
    expect(url).not.toContain('old=1');
    const back = readUrlParams(new URL(url).search);
    expect(back).toMatchObject({
      sample: 'adult',
      target: 'income',
      positive: '>50K',
      model: 'boosted',
      embed: true,
    });
    expect(back.sensitive).toEqual(['sex', 'race']);
  });

  it('escapes the snippet’s attributes', () => {
    const snippet = iframeSnippet('https://x.example/?a=1&b="2"', 'Demo <1>');
    expect(snippet).toBe(
      '<iframe src="https://x.example/?a=1&amp;b=&quot;2&quot;" title="Demo &lt;1&gt;" width="100%" height="900" style="border:0" loading="lazy"></iframe>',
    );
  });
});
