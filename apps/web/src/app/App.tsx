import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { queryClient } from './query.ts';
import { setMessageApi } from './notify.ts';
import { setUnauthenticatedHandler } from './api.ts';
import { clearSession } from './session.ts';
import { AppRoutes } from './routes.tsx';

/** Chinese system fonts first, so government PCs (Windows: 微软雅黑) render crisp Chinese. */
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** Hands antd's context-aware message API to code outside React (see notify.ts). */
function NotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}

export function App() {
  const { i18n } = useTranslation();
  useEffect(() => {
    // Any 401 outside login/me means the session ended (expired, revoked): back to the login page.
    setUnauthenticatedHandler(() => clearSession(queryClient));
    return () => setUnauthenticatedHandler(null);
  }, []);
  useEffect(() => {
    document.title = i18n.t('app.title');
  }, [i18n, i18n.language]);

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1f4e9c', fontFamily: FONT_FAMILY } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <NotifierBridge />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
