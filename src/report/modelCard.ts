/**
 * The model card: a page a manager can read about one run, built from its report (docs/report-schema.md) and
 * a few fields the user fills in (intended use, people affected, limitations). Two renderings of the same
 * content: one self-contained HTML document (inline style and SVG charts, no script, no external address, so
 * it can be saved, mailed and printed) and Markdown. Pure functions: no DOM, no state.
 *
 * Safety: every string that comes from the user or their data (the data set's and columns' names, group and
 * class labels, run names, the fields) is escaped for the output format (`escapeHtml`, `escapeMarkdown`) before
 * it reaches the page, as are the messages' plain strings; message functions get escaped arguments.
 */
import type { ModelCardMessages } from '../i18n/en.card';
import type { Formatter } from '../i18n/format';
import type { ModelCardInput } from './cardContent';
import { htmlDocument } from './cardHtml';
import { markdownDocument } from './cardMarkdown';
import { buildCard } from './cardSections';

export type { ModelCardMessages };
export {
  CARD_IMPORTANCE_TOP,
  CARD_PROXIES_TOP,
  type ModelCardFields,
  type ModelCardInput,
} from './cardContent';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: & < > " ' become entities. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text as Markdown that shows literally, also inside a table cell: Markdown's special characters get a
 * backslash (CommonMark escapes any ASCII punctuation that way; GFM tables take `\|`), and line breaks become
 * `<br>` so a cell or a list item stays on one line.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\\`*_{}[\]<>#|~!$&]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * The model card as one self-contained HTML document: inline style (readable on screen, printable), inline SVG
 * charts, no script and no address outside the document; a Content-Security-Policy forbids both anyway.
 */
export function modelCardHtml(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter): string {
  return htmlDocument(buildCard(input, m, fmt, escapeHtml), escapeHtml(m.locale));
}

/** The model card as Markdown: the same sections and figures as the HTML card, tables instead of charts. */
export function modelCardMarkdown(input: ModelCardInput, m: ModelCardMessages, fmt: Formatter): string {
  return markdownDocument(buildCard(input, m, fmt, escapeMarkdown));
}
