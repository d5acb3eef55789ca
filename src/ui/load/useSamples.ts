import { useEffect, useState } from 'react';
import type { SampleInfo } from '../../state/controller';
import { loadSamples } from '../../state/samples';

/** The latest list read, so components mounted later start with it instead of an empty list. */
let known: SampleInfo[] = [];

/** The built-in samples (public/samples/samples.json), read once per page (see state/samples.ts). */
export function useSamples(): SampleInfo[] {
  const [samples, setSamples] = useState<SampleInfo[]>(known);
  useEffect(() => {
    let live = true;
    void loadSamples().then((found) => {
      known = found;
      if (live) setSamples(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return samples;
}
