/**
 * Remedies tried in sequence ("Try all remedies", or one remedy after its baseline): a plain run first when
 * there is none on the current basis, then each remedy, one after another, every run on the settings and
 * choices the sequence started with. If they change meanwhile, the sequence stops (its runs would not
 * compare). Failures do not stop it; each is recorded for the summary (`remediesEnded` in the store).
 */
import type { MitigationMethod, MitigationRequest } from '../pipeline/mitigation';
import type { RemediesSummary, Store } from './store';
import { baselineFor, isActive } from './training';

export interface RemedySequenceDeps {
  store: Store;
  /** One run, plain or with a remedy; resolves when it ends (any way). */
  train(mitigation?: MitigationRequest): Promise<void>;
  /** The basis a run started now would have (settings, choices, test file); throws if the test file is unreadable. */
  basisNow(): Promise<string>;
}

export function createRemedySequence({ store, train, basisNow }: RemedySequenceDeps) {
  /** Numbers the sequences; Cancel, a new file and "Start over" move it on. */
  let seq = 0;
  /** The summary of the sequence going on, for Cancel between two of its runs. */
  let current: RemediesSummary | null = null;

  async function run(
    given: Omit<MitigationRequest, 'method'>,
    wanted: readonly MitigationMethod[],
  ): Promise<void> {
    if (isActive(store.get().training) || store.get().remedies) return;
    const id = ++seq;
    const tree = ['tree', 'boosted'].includes(store.get().trainChoices.model);
    const methods = wanted.filter((m) => !(tree && m === 'penalty'));
    const pinned = () => JSON.stringify({ s: store.get().settings, c: store.get().trainChoices });
    const startedWith = pinned();
    const ended: RemediesSummary = { finished: 0, total: methods.length, failed: [], stopped: null };
    current = ended;
    // Shown at once (and blocks a second click) while the test file is looked up.
    store.set({ remedies: { index: 0, total: methods.length, method: 'baseline' }, remediesEnded: null });
    /** One run of the sequence; false when the sequence must stop. */
    const step = async (method: MitigationMethod | 'baseline', index: number): Promise<boolean> => {
      if (pinned() !== startedWith) {
        ended.stopped = 'settings-changed';
        return false;
      }
      store.set({ remedies: { index, total: ended.total, method } });
      const before = store.get().training;
      await train(method === 'baseline' ? undefined : { ...given, method });
      const after = store.get().training;
      if (seq !== id) return false;
      // Another run was going (started elsewhere): this one never started, and nor will the rest.
      if (after === before || !after) return false;
      if (after.status === 'cancelled') {
        ended.stopped = 'cancelled';
        return false;
      }
      if (after.status === 'done') ended.finished++;
      else if (after.error) ended.failed.push({ method, error: after.error });
      // Without a baseline the remedies would have nothing to be compared with.
      return method !== 'baseline' || after.status === 'done';
    };
    try {
      // A plain run on exactly the current settings is the baseline; without one (none yet, or the
      // settings changed since), the sequence trains it first.
      let basis: string | null = null;
      try {
        basis = await basisNow();
      } catch {
        basis = null; // the test file cannot be read: train() says so on the first run
      }
      if (seq !== id) return;
      const needsBaseline = basis === null || !baselineFor(store.get().runs, basis);
      if (needsBaseline) ended.total++;
      let index = 0;
      if (needsBaseline && !(await step('baseline', ++index))) return;
      for (const method of methods) if (!(await step(method, ++index))) return;
    } finally {
      if (seq === id) store.set({ remedies: null, remediesEnded: { ...ended } });
    }
  }

  return {
    run,
    /** Cancel while no run of the sequence is training (the test file looked up, runs being saved). */
    cancelBetweenRuns() {
      seq++;
      store.set({ remedies: null, remediesEnded: current ? { ...current, stopped: 'cancelled' } : null });
    },
    /** A new file or "Start over": whatever the sequence was doing concerns nobody any more. */
    abandon() {
      seq++;
    },
  };
}
