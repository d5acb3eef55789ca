/**
 * What the training worker does with a request, apart from messaging: settle the backend (measured choice,
 * or the forced one, falling back when it does not start), run the pipeline, and when the backend dies
 * mid-run (a lost GPU device, a driver reset) go on with the next one down the order, saying so. The
 * browser-specific parts (probing the GPUs, starting a TF.js backend) come in as a `Runtime`, so the logic is
 * unit-tested in Node with a fake one.
 */
import { fail, ok, type Result } from '../core/result';
import type { MitigationRequest } from '../pipeline/mitigation';
import type { BackendName, BackendProbe } from '../ml/backend/choose';
import { chooseBackend, usableBackends } from '../ml/backend/choose';
import { nextBackend } from '../ml/backend/fallback';
import type { Activation } from '../ml/backend/activate';
import { runPipeline } from '../pipeline/train';
import type { Backend, PipelineProgress, PipelineResult, TableInput } from '../pipeline/types';
import { buildReport } from '../report/report';
import { explainRun, type Explanation } from '../explain/run';
import type {
  BackendDecision,
  BackendFallback,
  Simulation,
  TrainChoices,
  TrainEvent,
  TrainHistory,
  TrainOutcome,
} from './trainProtocol';
import type { DataSettings } from '../data/settings';

/** The browser (or Node) side of backends. */
export interface Runtime {
  /** What initialising each backend finds (WebGPU and WebGL are probed; WASM and CPU tried on activation). */
  probe(): Promise<BackendProbe[]>;
  activate(name: BackendName): Promise<Activation>;
  /** Destroys the WebGPU device (diagnostic `simulate=device-lost`). */
  loseDevice(): void;
  /**
   * Takes a backend that failed mid-run out of use for the rest of this worker's life: TF.js would hand back
   * the same broken instance (a lost device) on the next run, and the probe would not notice.
   */
  retire(name: BackendName): void;
}

export interface TrainJob {
  main: TableInput;
  mainName: string;
  test?: TableInput;
  testName?: string;
  settings: DataSettings;
  choices: TrainChoices;
  mitigation?: MitigationRequest;
  simulate?: Simulation;
}

export interface TrainHooks {
  emit(event: TrainEvent): void;
  signal?: AbortSignal;
  stop?: AbortSignal;
}

/**
 * Without a real GPU the typed-array loop beats TF.js's WASM and CPU backends by 10× or more (29 ms against
 * 377 ms and 479 ms per epoch of logistic regression on 32,000 × 100 rows, issue 3): an automatic choice, or
 * a fallback, that lands on either runs there instead. A user who forces WASM or CPU gets TF.js on it.
 */
const onProcessor = (name: BackendName) => name === 'wasm' || name === 'cpu';

/**
 * Probes, chooses and starts a backend; a chosen one that fails to start is marked failed and the choice made
 * again, so the answer is always a backend that runs (the typed-array loop at worst).
 */
async function settleBackend(
  runtime: Runtime,
  job: TrainJob,
): Promise<{ decision: BackendDecision; probes: BackendProbe[] }> {
  const preference = job.choices.backend;
  if (preference === 'typescript')
    return { decision: { backend: 'typescript', reason: 'forced', skipped: [] }, probes: [] };
  const probes = (await runtime.probe()).map((p) =>
    job.simulate === 'webgpu-init-fail' && p.name === 'webgpu'
      ? { name: p.name, ok: false, error: 'WebGPU failed to start (simulated failure)' }
      : p,
  );
  for (const name of ['wasm', 'cpu'] as const)
    if (!probes.some((p) => p.name === name)) probes.push({ name, ok: true });
  const forced = preference === 'auto' ? undefined : preference;
  for (;;) {
    const choice = chooseBackend(probes, forced);
    const decision: BackendDecision = {
      backend: choice.backend,
      reason: choice.reason,
      skipped: choice.skipped,
    };
    if (onProcessor(choice.backend) && choice.reason !== 'forced') {
      return { decision: { ...decision, backend: 'typescript' }, probes };
    }
    const started = await runtime.activate(choice.backend);
    if (started.ok) {
      const probe = probes.find((p) => p.name === choice.backend);
      return {
        decision: { ...decision, ...(probe?.description ? { description: probe.description } : {}) },
        probes,
      };
    }
    if (choice.backend === 'cpu') return { decision: { ...decision, backend: 'typescript' }, probes };
    const at = probes.findIndex((p) => p.name === choice.backend);
    probes[at] = { name: choice.backend, ok: false, error: started.error };
  }
}

/** One pipeline run on the current backend, its learning curves collected and its progress passed on. */
async function runOnce(
  job: TrainJob,
  hooks: TrainHooks,
  runtime: Runtime,
  backend: Backend,
  history: TrainHistory,
  stage: { last: string },
) {
  let lostOnce = false;
  const onProgress = (event: PipelineProgress) => {
    if (event.type === 'stage') stage.last = event.stage;
    if (event.type === 'epoch') {
      history.trainLoss.push(event.trainLoss);
      if (event.validationLoss !== undefined) history.validationLoss.push(event.validationLoss);
      if (event.validationMetric !== undefined) history.validationMetric.push(event.validationMetric);
      if (job.simulate === 'device-lost' && backend === 'webgpu' && !lostOnce) {
        lostOnce = true;
        runtime.loseDevice();
      }
    }
    hooks.emit(event);
  };
  return runPipeline({
    ...job.main,
    settings: job.settings,
    ...(job.test ? { testTable: job.test } : {}),
    model: job.choices.model,
    seed: job.choices.seed,
    ...(job.test ? {} : { fractions: job.choices.fractions }),
    options: job.choices.modelOptions[job.choices.model] ?? {},
    backend,
    onProgress,
    ...(job.mitigation ? { mitigation: job.mitigation } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.stop ? { stop: hooks.stop } : {}),
  });
}

/**
 * Trains the job's model. Tree models run in plain TypeScript; the networks on the settled backend. An
 * exception while a TF.js backend (any of them, CPU included) trains — a lost device, out of GPU memory — is
 * treated as the backend's failure: the backend is retired for this worker, the run starts again with the
 * same seed on the next usable GPU below it, else on the typed-array loop, and the outcome lists the fallback.
 * A failure of the typed-array loop, an error while preparing or scoring the rows (it would fail anywhere),
 * errors of the data (a bad target…) and Cancel end the run.
 */
export async function trainJob(
  job: TrainJob,
  runtime: Runtime,
  hooks: TrainHooks,
): Promise<Result<TrainOutcome>> {
  const tree = job.choices.model === 'tree' || job.choices.model === 'boosted';
  let decision: BackendDecision;
  let probes: BackendProbe[] = [];
  if (tree) decision = { backend: 'typescript', reason: 'plain-typescript', skipped: [] };
  else ({ decision, probes } = await settleBackend(runtime, job));
  if (hooks.signal?.aborted) return fail('cancelled');
  hooks.emit({ type: 'backend', decision });

  const fallbacks: BackendFallback[] = [];
  let backend: Backend = decision.backend;
  for (;;) {
    const history: TrainHistory = { trainLoss: [], validationLoss: [], validationMetric: [] };
    const stage = { last: '' };
    const result = await runOnce(job, hooks, runtime, backend, history, stage);
    if (result.ok) return ok(await outcome(job, hooks, result.data, history, decision, fallbacks));
    const { code, params } = result.reason;
    // Only an exception while a TF.js backend trains is the backend's failure; one while preparing or
    // scoring the rows would fail the same way anywhere.
    if (code !== 'internal' || backend === 'typescript' || stage.last !== 'train') return result;
    const from: BackendName = backend;
    runtime.retire(from);
    probes = probes.map((p) => (p.name === from ? { ...p, ok: false } : p));
    const error = typeof params?.detail === 'string' ? params.detail : 'the backend stopped working';
    // Down the order to the next GPU that works; otherwise the typed-array loop, which always runs.
    let to: BackendName | 'typescript' = 'typescript';
    const next = nextBackend(from, usableBackends(probes));
    if (next && !onProcessor(next) && (await runtime.activate(next)).ok) to = next;
    const fallback = { from, to, error, afterEpoch: history.trainLoss.length };
    fallbacks.push(fallback);
    hooks.emit({ type: 'fallback', fallback });
    backend = to;
  }
}

/**
 * The finished run: its explanation (permutation importance, with progress, then partial dependence) and the
 * report with every figure the results page shows.
 */
async function outcome(
  job: TrainJob,
  hooks: TrainHooks,
  result: PipelineResult,
  history: TrainHistory,
  decision: BackendDecision,
  fallbacks: BackendFallback[],
): Promise<TrainOutcome> {
  hooks.emit({ type: 'explaining', done: 0, total: result.preprocessor.encoders.length });
  let explanation: Explanation | undefined;
  try {
    explanation = await explainRun(result, {
      seed: job.choices.seed,
      onProgress: (done, total) => hooks.emit({ type: 'explaining', done, total }),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
  } catch (error) {
    // Cancel ends the run; anything else only costs the explanations: the trained model and its figures stay.
    if (hooks.signal?.aborted) throw error;
    explanation = undefined;
  }
  const report = buildReport(result, {
    datasetName: job.mainName,
    ...(job.testName ? { testFileName: job.testName } : {}),
    fallbacks,
    ...(explanation ? { importance: explanation.importance } : {}),
  });
  return {
    report,
    history,
    decision,
    fallbacks,
    majorityClass: result.majorityClass,
    notes: result.notes,
    ...(explanation ? { explanation } : {}),
  };
}
