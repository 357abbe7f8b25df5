import { Image, Space } from 'antd';
import { attachmentUrl } from './api.ts';

/** Thumbnails; a click opens the public copy (EXIF/GPS stripped). */
export function Photos({ ids, size = 72, testId }: { ids: readonly string[]; size?: number; testId?: string }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid={testId}>
        {ids.map((id) => (
          <Image
            key={id}
            width={size}
            height={size}
            src={attachmentUrl(id, 'thumb')}
            preview={{ src: attachmentUrl(id, 'public') }}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt=""
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
