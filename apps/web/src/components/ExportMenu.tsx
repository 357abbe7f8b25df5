import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api.ts';

interface Props {
  /** The export endpoint, e.g. `/api/exports/houses`. */
  path: string;
  params?: Record<string, string | undefined>;
  testId: string;
  /** Extra download links (e.g. GeoJSON) after Excel and CSV. */
  extra?: { key: string; label: string; href: string }[];
}

/** A 导出 button offering Excel and CSV downloads of a list. */
export function ExportMenu({ path, params = {}, testId, extra = [] }: Props) {
  const { t } = useTranslation();
  const items = [
    ...(['xlsx', 'csv'] as const).map((f) => ({
      key: f,
      label: f === 'xlsx' ? 'Excel (.xlsx)' : 'CSV',
      href: apiUrl(path, { ...params, format: f }),
    })),
    ...extra,
  ];
  return (
    <Dropdown
      menu={{
        items: items.map((i) => ({
          key: i.key,
          label: (
            <a href={i.href} download data-testid={`${testId}-${i.key}`}>
              {i.label}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={testId}>
        {t('residents.export')}
      </Button>
    </Dropdown>
  );
}
