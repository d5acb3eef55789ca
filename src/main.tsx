import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataClient } from './workers/client';
import { createTrainClient } from './workers/trainClient';
import type { Simulation } from './workers/trainProtocol';
import { createController } from './state/controller';
import { createStore } from './state/store';
import { readUrlParams } from './state/urlParams';
import { App } from './ui/App';
import './ui/styles.css';
import './pwa/register';

// Diagnostic switch for the e2e suite and for support: `?simulate=webgpu-init-fail` or `device-lost`.
const simulateParam = new URLSearchParams(window.location.search).get('simulate');
const simulate: Simulation | undefined =
  simulateParam === 'webgpu-init-fail' || simulateParam === 'device-lost' ? simulateParam : undefined;
const params = readUrlParams(window.location.search);
// A link that preloads a sample (an embedded demo, a course link) never touches the visitor's saved work.
const controller = createController(createDataClient(), createStore(), createTrainClient(), {
  ...(simulate ? { simulate } : {}),
  ephemeral: params.sample !== null,
});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App controller={controller} params={params} />
  </StrictMode>,
);
if (params.sample) void controller.preload(params);
else void controller.restore();
