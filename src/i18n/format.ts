/** Number formatting for the reader's language; every figure in the UI goes through here. */
export interface Formatter {
  integer(value: number): string;
  decimal(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  /** A measured quantity with the digits that matter: 1,623 · 41.7 · 0.312 (NaN as "–"). */
  quantity(value: number): string;
  /** Short, for chart axes: 5.6M, 12K, 0.31. */
  compact(value: number): string;
  bytes(value: number): string;
}

export function createFormatter(locale: string): Formatter {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // Building an Intl.NumberFormat costs ~0.1 ms: charts format hundreds of ticks per redraw, so each
  // (style, digits) pair is built once.
  const formats = new Map<string, Intl.NumberFormat>();
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
  const format = (style: 'decimal' | 'percent', digits: number) => {
    const key = `${style}:${digits}`;
    let found = formats.get(key);
    if (!found) {
      found = new Intl.NumberFormat(locale, { style, maximumFractionDigits: digits });
      formats.set(key, found);
    }
    return found;
  };
  return {
    integer: (value) => integer.format(value),
    decimal: (value, digits = 2) => (Number.isFinite(value) ? format('decimal', digits).format(value) : '–'),
    percent: (share, digits = 0) => (Number.isFinite(share) ? format('percent', digits).format(share) : '–'),
    quantity: (value) => {
      if (!Number.isFinite(value)) return '–';
      const size = Math.abs(value);
      return format('decimal', size >= 1000 ? 0 : size >= 10 ? 1 : 3).format(value);
    },
    compact: (value) => (Number.isFinite(value) ? compact.format(value) : '–'),
    bytes: (value) => {
      const units = ['bytes', 'KB', 'MB', 'GB'];
      let v = value;
      let unit = 0;
      while (v >= 1024 && unit < units.length - 1) {
        v /= 1024;
        unit++;
      }
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(v)} ${units[unit]}`;
    },
  };
}
