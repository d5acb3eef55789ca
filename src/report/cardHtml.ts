/** The card as HTML: the style sheet (screen and print), the blocks as HTML and the bar charts as inline SVG. */
import type { Block, Card } from './cardContent';

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2330; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 52rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid #d9dde4; border-radius: 8px; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 0 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #d9dde4; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
section { margin-top: 1.8rem; }
p { margin: .4rem 0; }
ul { margin: .4rem 0; padding-left: 1.3rem; }
.muted { color: #5a6272; font-size: .93em; }
.pass { color: #1d6b35; }
.fail { color: #a0281e; font-weight: 600; }
.warn { color: #8a5a00; }
.pre { white-space: pre-wrap; }
dl { display: grid; grid-template-columns: minmax(11rem, max-content) 1fr; gap: .25rem 1.2rem; margin: .5rem 0; }
dt { font-weight: 600; color: #3a4252; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; color: #3a4252; }
th, td { border: 1px solid #d9dde4; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef0f4; }
tr.chosen td { background: #e7f4ea; font-weight: 600; }
figure { margin: .8rem 0; }
figcaption { font-size: .9em; color: #5a6272; margin-top: .2rem; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1d2330; }
svg.chart .bar { fill: #4a78b5; }
svg.chart .whisker { stroke: #1d2330; stroke-width: 1.5; }
svg.chart .grid { stroke: #d9dde4; stroke-width: 1; }
svg.chart .tick { fill: #5a6272; }
@page { margin: 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  section { break-inside: avoid-page; page-break-inside: avoid; }
  section.long { break-inside: auto; page-break-inside: auto; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  table, figure, dl, tr { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Sections that can run over a page; the others are kept on one page when printed. */
const LONG_SECTIONS = new Set(['fairness', 'metrics', 'model', 'runs']);

const round = (x: number) => Math.round(x * 10) / 10;

function svgBars(block: Extract<Block, { kind: 'bars' }>): string {
  const width = 640;
  const labelWidth = 170;
  const valueWidth = 80;
  const row = 26;
  const top = 6;
  const axis = 22;
  const plot = width - labelWidth - valueWidth - 10;
  const height = top + block.bars.length * row + axis;
  const x = (v: number) => round(labelWidth + Math.max(0, Math.min(1, v / block.max)) * plot);
  const parts: string[] = [];
  for (const tick of block.ticks) {
    const tx = x(tick.at);
    parts.push(
      `<line class="grid" x1="${tx}" y1="${top}" x2="${tx}" y2="${top + block.bars.length * row}"/>`,
      `<text class="tick" x="${tx}" y="${height - 6}" text-anchor="middle">${tick.text}</text>`,
    );
  }
  block.bars.forEach((bar, i) => {
    const y = top + i * row;
    const mid = round(y + row / 2);
    parts.push(
      `<g><title>${bar.title}: ${bar.text}</title>`,
      `<text x="${labelWidth - 8}" y="${mid + 4}" text-anchor="end">${bar.label}</text>`,
    );
    if (bar.value !== null && Number.isFinite(bar.value)) {
      const w = round(x(bar.value) - labelWidth);
      parts.push(
        `<rect class="bar" x="${labelWidth}" y="${round(y + 6)}" width="${w}" height="${row - 12}"/>`,
      );
      const { low, high } = bar;
      if (low !== undefined && high !== undefined && low !== null && high !== null) {
        const [x1, x2] = [x(low), x(high)];
        parts.push(
          `<line class="whisker" x1="${x1}" y1="${mid}" x2="${x2}" y2="${mid}"/>`,
          `<line class="whisker" x1="${x1}" y1="${mid - 5}" x2="${x1}" y2="${mid + 5}"/>`,
          `<line class="whisker" x1="${x2}" y1="${mid - 5}" x2="${x2}" y2="${mid + 5}"/>`,
        );
      }
    }
    parts.push(`<text x="${width - valueWidth}" y="${mid + 4}">${bar.text}</text>`, '</g>');
  });
  return (
    `<figure><svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${block.label}">` +
    `<title>${block.label}</title>${parts.join('')}</svg><figcaption>${block.label}</figcaption></figure>`
  );
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'h3':
      return `<h3>${block.text}</h3>`;
    case 'p': {
      const classes = [block.tone, block.pre ? 'pre' : undefined].filter(Boolean).join(' ');
      return `<p${classes ? ` class="${classes}"` : ''}>${block.text}</p>`;
    }
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
    case 'facts':
      return `<dl>${block.items
        .map((item) => {
          const classes = [item.tone, item.pre ? 'pre' : undefined].filter(Boolean).join(' ');
          return `<dt>${item.label}</dt><dd${classes ? ` class="${classes}"` : ''}>${item.value}</dd>`;
        })
        .join('')}</dl>`;
    case 'table': {
      const head = `<thead><tr>${block.head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
      const body = block.rows
        .map(
          (cells, i) =>
            `<tr${block.marked?.[i] ? ' class="chosen"' : ''}>${cells
              .map((c, j) => (j === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`))
              .join('')}</tr>`,
        )
        .join('');
      return `<table><caption>${block.caption}</caption>${head}<tbody>${body}</tbody></table>`;
    }
    case 'bars':
      return svgBars(block);
  }
}

/** The whole HTML document for `card`; `lang` is the locale, already escaped. */
export function htmlDocument(card: Card, lang: string): string {
  const sections = card.sections
    .map(
      (s) =>
        `<section id="${s.id}"${LONG_SECTIONS.has(s.id) ? ' class="long"' : ''}>\n<h2>${s.title}</h2>\n${s.blocks
          .map(htmlBlock)
          .join('\n')}\n</section>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${card.title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header>\n<h1>${card.title}</h1>\n${card.intro.map(htmlBlock).join('\n')}\n</header>`,
    sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
