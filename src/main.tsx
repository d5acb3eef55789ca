import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataClient } from './workers/client';
import { createTrainClient } from './workers/trainClient';
import type { Simulation } from './workers/trainProtocol';
import { createController } from './state/controller';
import { createStore } from './state/store';
import { PRELOAD_PARAMS, readUrlParams } from './state/urlParams';
import { App } from './ui/App';
import './ui/styles.css';
import './pwa/register';

// Diagnostic switch for the e2e suite and for support: `?simulate=webgpu-init-fail` or `device-lost`.
const simulateParam = new URLSearchParams(window.location.search).get('simulate');
const simulate: Simulation | undefined =
  simulateParam === 'webgpu-init-fail' || simulateParam === 'device-lost' ? simulateParam : undefined;
const controller = createController(createDataClient(), createStore(), createTrainClient(), {
  ...(simulate ? { simulate } : {}),
});
const params = readUrlParams(window.location.search);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App controller={controller} params={params} />
  </StrictMode>,
);
if (params.sample) {
  void controller.preload(params);
  // Applied once: a reload then keeps what the user did since (embed mode and the language stay).
  const url = new URL(window.location.href);
  for (const name of PRELOAD_PARAMS) url.searchParams.delete(name);
  window.history.replaceState(null, '', url);
} else void controller.restore();
