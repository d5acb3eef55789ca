/** Number formatting for the reader's language; every figure in the UI goes through here. */
export interface Formatter {
  integer(value: number): string;
  decimal(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  bytes(value: number): string;
}

export function createFormatter(locale: string): Formatter {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    integer: (value) => integer.format(value),
    decimal: (value, digits = 2) =>
      Number.isFinite(value)
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
        : '–',
    percent: (share, digits = 0) =>
      Number.isFinite(share)
        ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share)
        : '–',
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
