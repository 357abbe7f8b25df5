import { api } from '../../app/api.ts';

export interface AttachmentView {
  id: string;
  url: string;
  thumbUrl: string;
}

/** Uploads one photo as the raw request body. */
export const uploadAttachment = (file: Blob, name?: string) =>
  api.upload<AttachmentView>('/api/attachments', file, { name });

export const attachmentUrl = (id: string, size: 'thumb' | 'public' | 'original' = 'public') =>
  `/api/attachments/${id}?size=${size}`;
