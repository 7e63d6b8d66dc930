import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App sandboxUrl={window.SHOP_CONFIG?.sandboxUrl ?? 'http://127.0.0.1:8090'} />);
