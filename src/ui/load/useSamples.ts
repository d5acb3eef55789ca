import { useEffect, useState } from 'react';
import type { SampleInfo } from '../../state/controller';

/** The built-in samples, from public/samples/samples.json (same origin, cached offline later). */
export function useSamples(): SampleInfo[] {
  const [samples, setSamples] = useState<SampleInfo[]>([]);
  useEffect(() => {
    let live = true;
    fetch(new URL('samples/samples.json', document.baseURI))
      .then((r) => (r.ok ? r.json() : []))
      .then((list: SampleInfo[]) => live && setSamples(Array.isArray(list) ? list : []))
      .catch(() => live && setSamples([]));
    return () => {
      live = false;
    };
  }, []);
  return samples;
}
