import { Image } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentThumb, attachmentUrl } from '../api.ts';

/** Thumbnails (the server's 320 px copies); a tap opens the full picture. */
export function PhotoStrip({ ids, testId }: { ids: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <div className="m-strip" data-testid={testId}>
      <Image.PreviewGroup>
        {ids.map((id, i) => (
          <Image
            key={id}
            src={attachmentThumb(id)}
            preview={{ src: attachmentUrl(id) }}
            width={72}
            height={72}
            alt={t('mobile.photos.alt', { n: i + 1 })}
            style={{ objectFit: 'cover', borderRadius: 6 }}
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
