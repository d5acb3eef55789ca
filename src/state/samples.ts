/**
 * The built-in samples' list (public/samples/samples.json, same origin), fetched once per page and shared by
 * the page (the sample buttons, the Train step's test-file choice) and the controller (the official test
 * file). An empty list when it cannot be read; a failed read is tried again on the next call.
 */
import type { SampleInfo } from './controller';

let list: Promise<SampleInfo[]> | null = null;

export function loadSamples(): Promise<SampleInfo[]> {
  list ??= fetch(new URL('samples/samples.json', document.baseURI))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((data: unknown) => (Array.isArray(data) ? (data as SampleInfo[]) : []))
    .catch(() => {
      list = null;
      return [];
    });
  return list;
}

/** One of the samples' files (`adult.csv`, `adult-test.csv`), from the app's own origin; throws when it cannot. */
export async function fetchSampleFile(file: string): Promise<Blob> {
  const response = await fetch(new URL(`samples/${file}`, document.baseURI));
  if (!response.ok) throw new Error(String(response.status));
  return response.blob();
}
