import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n';
import { StoreGate } from './StoreGate';
import './styles.css';
import { startWindow } from './windows/window-identity';

startWindow();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <StoreGate>
        <App />
      </StoreGate>
    </I18nProvider>
  </StrictMode>,
);
