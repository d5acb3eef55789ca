import { createContext, useContext } from 'react';
import { en, type Messages } from './en';
import { createFormatter, type Formatter } from './format';

export type { Messages };

/** The active language's messages and number formats. English only for now; a language is one catalogue file. */
export interface I18n {
  m: Messages;
  fmt: Formatter;
}

export const defaultI18n: I18n = { m: en, fmt: createFormatter(en.locale) };
export const I18nContext = createContext<I18n>(defaultI18n);
export const useI18n = () => useContext(I18nContext);
