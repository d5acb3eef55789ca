/**
 * The page's URL parameters: a sample and settings to preload (`?sample=adult&target=income&sensitive=sex
 * &model=logistic`), embed mode (`&embed=1`: no header, for iframes), the language (`&lang=zh`) and the
 * parent page allowed to hear the embed's messages (`&parent=https://course.example`). Pure: the search
 * string in, plain values out; and the embed URL of a sample and settings (never the data).
 */
import { MODEL_KINDS, type ModelKind } from '../pipeline/types';

export interface UrlParams {
  sample: string | null;
  target: string | null;
  positive: string | null;
  sensitive: string[];
  model: ModelKind | null;
  embed: boolean;
  lang: string | null;
  /** The origin the embed posts its messages to; null: any parent (`'*'`), the messages hold no data. */
  parent: string | null;
}

const origin = (text: string | null): string | null => {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

export function readUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const text = (name: string) => {
    const value = q.get(name)?.trim();
    return value ? value : null;
  };
  const model = text('model');
  const embed = text('embed');
  return {
    sample: text('sample'),
    target: text('target'),
    positive: text('positive'),
    sensitive: (text('sensitive') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    model: model && MODEL_KINDS.includes(model as ModelKind) ? (model as ModelKind) : null,
    embed: embed === '1' || embed === 'true',
    lang: text('lang'),
    parent: origin(text('parent')),
  };
}

/** The address of this page preloading `sample` with these settings, in embed mode. */
export function embedUrl(
  page: string,
  settings: {
    sample: string;
    target: string | null;
    positive: string | null;
    sensitive: string[];
    model: ModelKind;
    lang?: string;
  },
): string {
  const url = new URL(page);
  url.search = '';
  url.hash = '';
  const q = url.searchParams;
  q.set('sample', settings.sample);
  if (settings.target) q.set('target', settings.target);
  if (settings.positive) q.set('positive', settings.positive);
  if (settings.sensitive.length > 0) q.set('sensitive', settings.sensitive.join(','));
  q.set('model', settings.model);
  if (settings.lang) q.set('lang', settings.lang);
  q.set('embed', '1');
  return url.toString();
}

const attr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe to paste into another page. */
export function iframeSnippet(src: string, title: string): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="900" style="border:0" loading="lazy"></iframe>`;
}
