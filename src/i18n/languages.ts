/**
 * The languages the page offers. Adding one: its catalogue (a file of the shape `Messages`, like zh.ts,
 * which may import parts of its own) and one line here; the "Language" select lists it by its own name.
 */
import { en, type Messages } from './en';
import { zh } from './zh';

export const LANGUAGES: Record<string, Messages> = { en, zh };
export const DEFAULT_LANGUAGE = 'en';
const STORAGE_KEY = 'lepton-language';

/** The language to start in: the URL's `lang`, else the user's last choice, else the browser's languages. */
export function initialLanguage(
  urlLang: string | null,
  saved: string | null,
  browser: readonly string[],
): string {
  const known = (code: string | null | undefined) => {
    const base = code?.toLowerCase().split('-')[0];
    return base && Object.hasOwn(LANGUAGES, base) ? base : null;
  };
  return known(urlLang) ?? known(saved) ?? browser.map(known).find(Boolean) ?? DEFAULT_LANGUAGE;
}

/** The user's last choice, kept in this browser (localStorage may be blocked: then nothing is kept). */
export function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLanguage(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // A private window may refuse: the choice lasts for this page only.
  }
}
