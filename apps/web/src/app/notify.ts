import type { App } from 'antd';
import { isApiError } from './api.ts';

/**
 * Bridge to antd's context-aware `message` API (App.useApp) for code outside React,
 * such as the TanStack Query caches. `NotifierBridge` fills it in once the app mounts.
 */
type MessageInstance = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

/** Shows the server's (Chinese) message for an API error; the code keys it so repeats collapse. */
export function notifyError(err: unknown): void {
  const text = err instanceof Error ? err.message : String(err);
  const key = isApiError(err) ? err.code : text;
  messageApi?.open({ type: 'error', content: text, key, duration: 4 });
}

export function notifySuccess(text: string): void {
  messageApi?.open({ type: 'success', content: text, duration: 2 });
}
