import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'react-iamport-jtnet/styles.css';
import './shop.css';
import { api } from './api';
import { App } from './App';

const root = createRoot(document.getElementById('root')!);

// The backend tells the page where the SDK comes from (here: iamport-sandbox's /v1/iamport.js).
api.config().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  () =>
    root.render(
      <main className="page">
        <h1>상점 서버에 연결하지 못했습니다</h1>
        <p>`npm start`로 상점 서버를 실행했는지 확인해 주세요.</p>
      </main>,
    ),
);
