// Renders public/icon.svg into the PNG icons the web app manifest lists (public/icon-*.png), once: the PNGs are
// committed, so the build needs no browser. Run it again after changing icon.svg: `node scripts/make-icons.mjs`.
// The maskable icons fill the whole square (the platform cuts its own shape) and shrink the drawing to 80% so it
// stays inside the safe zone, a centred circle of 40% of the size.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';
import { QUIET_ARGS } from './chromium-args.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');

/** The same drawing on a full-bleed square (no rounded corners), scaled to 80% about the centre. */
function maskable(source) {
  const match = /^(<svg[^>]*>)(<rect [^>]*\/>)(.*)(<\/svg>)\s*$/s.exec(source);
  if (!match)
    throw new Error('public/icon.svg no longer starts with its background <rect>: update make-icons.mjs');
  const [, open, rect, drawing, close] = match;
  const square = rect.replace(/\s+rx="[^"]*"/, '');
  return `${open}${square}<g transform="translate(32 32) scale(0.8) translate(-32 -32)">${drawing}</g>${close}`;
}

const icons = [
  { file: 'public/icon-192.png', size: 192, svg },
  { file: 'public/icon-512.png', size: 512, svg },
  { file: 'public/icon-maskable-192.png', size: 192, svg: maskable(svg) },
  { file: 'public/icon-maskable-512.png', size: 512, svg: maskable(svg) },
];

const browser = await chromium.launch({ executablePath: findBrowser(), args: QUIET_ARGS });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0"><img src="${src}" width="${icon.size}" height="${icon.size}" style="display:block"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(icon.file, await page.screenshot({ omitBackground: true }));
    console.log(`${icon.file}: ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
