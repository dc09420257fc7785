import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the tags (each package's "./define" entry); the classes and event types come from ".".
import '@civic-widgets/report-form/define';
import '@civic-widgets/location-picker/define';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
