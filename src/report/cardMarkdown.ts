/** The card as Markdown: the same blocks as the HTML card, tables instead of charts. */
import type { Block, Card, Tone } from './cardContent';

const TONE_MARK: Partial<Record<Tone, string>> = { fail: '**', pass: '' };

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'h3':
      return `### ${block.text}`;
    case 'p': {
      if (block.tone === 'muted') return `*${block.text}*`;
      const mark = block.tone ? (TONE_MARK[block.tone] ?? '') : '';
      return `${mark}${block.text}${mark}`;
    }
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'facts':
      return block.items
        .map((item) => `- **${item.label}:** ${item.tone === 'muted' ? `*${item.value}*` : item.value}`)
        .join('\n');
    case 'table': {
      const cell = (c: string) => (c === '' ? ' ' : c);
      const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      return [
        `**${block.caption}**`,
        '',
        line(block.head),
        line(block.head.map(() => '---')),
        ...block.rows.map((cells, i) =>
          line(block.marked?.[i] ? cells.map((c) => (c ? `**${c}**` : c)) : cells),
        ),
      ].join('\n');
    }
    case 'bars':
      // Charts are for the HTML card; the same figures are in the table beside them.
      return '';
  }
}

/** The whole Markdown document for `card`. */
export function markdownDocument(card: Card): string {
  const out = [`# ${card.title}`, ...card.intro.map(markdownBlock)];
  for (const section of card.sections)
    out.push(`## ${section.title}`, ...section.blocks.map(markdownBlock).filter((b) => b !== ''));
  return `${out.join('\n\n')}\n`;
}
