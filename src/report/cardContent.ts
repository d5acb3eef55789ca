/**
 * The model card's content, shared by its two renderings: what goes in (the report, the user's fields, the
 * runs compared) and what comes out of `buildCard` (cardSections.ts), blocks of already-escaped text that
 * cardHtml.ts and cardMarkdown.ts render.
 */
import type { Report } from './report';

/** What the people responsible for the model write on its card. */
export interface ModelCardFields {
  intendedUse: string;
  peopleAffected: string;
  limitations: string;
}

export interface ModelCardInput {
  report: Report;
  fields: ModelCardFields;
  /** The cleaning steps, each described in words (the page's own descriptions); absent or empty: none. */
  cleaning?: string[];
  /** The runs compared in "Make it fairer" (the card's own run among them), and which one was chosen. */
  runs?: { name: string; report: Report; chosen: boolean }[];
}

/** Columns shown in the importance section, most important first. */
export const CARD_IMPORTANCE_TOP = 10;
/** Columns shown per attribute in the proxies section, strongest first. */
export const CARD_PROXIES_TOP = 5;

// ---------------------------------------------------------------------------------------------------------
// The content, as blocks of already-escaped text, rendered by both formats.

export type Tone = 'muted' | 'pass' | 'fail' | 'warn';

export interface Bar {
  /** Escaped, shortened label; `title` is the whole label, escaped. */
  label: string;
  title: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** The value as written beside the bar, escaped. */
  text: string;
}

export type Block =
  | { kind: 'h3'; text: string }
  | { kind: 'p'; text: string; tone?: Tone; pre?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: { label: string; value: string; tone?: Tone; pre?: boolean }[] }
  | {
      kind: 'table';
      caption: string;
      head: string[];
      rows: string[][];
      /** Rows to mark (the chosen run). */
      marked?: boolean[];
    }
  | { kind: 'bars'; label: string; bars: Bar[]; max: number; ticks: { at: number; text: string }[] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface Card {
  title: string;
  intro: Block[];
  sections: Section[];
}

export type Escape = (text: string) => string;
