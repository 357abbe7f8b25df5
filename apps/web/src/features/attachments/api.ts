import type { AttachmentView } from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { AttachmentView } from '@gewu/domain';

/** Uploads one photo as the raw request body. */
export const uploadAttachment = (file: Blob, name?: string) =>
  api.upload<AttachmentView>('/api/attachments', file, { name });

export const attachmentUrl = (id: string, size: 'thumb' | 'public' | 'original' = 'public') =>
  `/api/attachments/${id}?size=${size}`;
