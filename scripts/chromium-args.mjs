// Chromium's command-line flags for the e2e suite and the benchmark, in one place.
// Quiet: no background networking, updates or sync (the machines have no internet and the app must never call
// out); --no-sandbox because CI runs as root. GPU: WebGPU and WebGL through SwiftShader when no GPU is present.
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];
export const GPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--use-gl=angle',
];
