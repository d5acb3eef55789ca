import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataClient } from './workers/client';
import { createTrainClient } from './workers/trainClient';
import type { Simulation } from './workers/trainProtocol';
import { createController } from './state/controller';
import { createStore } from './state/store';
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
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App controller={controller} />
  </StrictMode>,
);
void controller.restore();
