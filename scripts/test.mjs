// `npm test`: every check, in the order that fails fastest. Stops at the first failing step and
// says which one failed; ends with one summary line counting the unit and browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  ],
  ['build', 'npx', ['vite', 'build']],
  ['e2e', 'node', ['scripts/run-e2e.mjs']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    console.log(`\nnpm test failed at step "${name}".`);
    process.exit(status ?? 1);
  }
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts('test-results/unit.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
}));
const e2e = counts('test-results/e2e.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected,
}));
console.log(
  `\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s (unit ${unit.passed}, e2e ${e2e.passed}).`,
);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
