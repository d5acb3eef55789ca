/**
 * The largest file we try to read. While a file is read the tab holds the table (about the file's size for
 * typical data) plus working memory, and browsers give one tab only a part of the device's memory, so we accept
 * files up to an eighth of the device's memory, between 256 MB and 2 GB. `navigator.deviceMemory` (rounded,
 * capped at 8 GB by browsers, absent in some) is the only hint a page gets; unknown counts as 4 GB.
 */
const MB = 1024 ** 2;

export function maxFileBytes(deviceMemoryGb?: number): number {
  const gb = deviceMemoryGb && deviceMemoryGb > 0 ? deviceMemoryGb : 4;
  return Math.round(Math.min(2048 * MB, Math.max(256 * MB, (gb * 1024 * MB) / 8)));
}
