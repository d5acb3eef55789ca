// What the two benchmarks (bench.mjs, bench-train.mjs) share: running a build step and waiting for the
// preview server.
import { spawnSync } from 'node:child_process';

/** Runs a command with its output on the console; throws when it fails. */
export function sh(cmd, args) {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** Resolves once `url` answers (the preview server is up); throws after 20 s. */
export async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
