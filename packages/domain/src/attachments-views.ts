import { z } from 'zod';

/** An uploaded photo as POST /api/attachments answers it; `url` and `thumbUrl` read it back (GET /api/attachments/:id). */
export const attachmentViewSchema = z.object({
  id: z.string(),
  mime: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  thumbUrl: z.string(),
  url: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;
