import { useEffect, useState } from 'react';
import type { SampleInfo } from '../../state/controller';

/** The list, fetched once per page and shared by every component that shows samples. */
let list: Promise<SampleInfo[]> | null = null;
let loaded: SampleInfo[] | null = null;

function fetchSamples(): Promise<SampleInfo[]> {
  list ??= fetch(new URL('samples/samples.json', document.baseURI))
    .then((r) => (r.ok ? r.json() : []))
    .then((data: unknown) => (loaded = Array.isArray(data) ? (data as SampleInfo[]) : []))
    .catch(() => (loaded = []));
  return list;
}

/** The built-in samples, from public/samples/samples.json (same origin, cached offline later). */
export function useSamples(): SampleInfo[] {
  const [samples, setSamples] = useState<SampleInfo[]>(() => loaded ?? []);
  useEffect(() => {
    let live = true;
    void fetchSamples().then((found) => live && setSamples(found));
    return () => {
      live = false;
    };
  }, []);
  return samples;
}
