import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createController } from './state/controller';
import { App } from './ui/App';
import './ui/styles.css';

const controller = createController();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App controller={controller} />
  </StrictMode>,
);
void controller.restore();
