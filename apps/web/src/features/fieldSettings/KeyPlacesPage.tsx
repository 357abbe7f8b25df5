import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKIN_RADIUS_LIMITS, CHECKIN_RADIUS_M, type KeyPlaceKind } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useKeyPlaces, usePutRadius, type KeyPlaceRow } from './api.ts';
import { NS } from './i18n.ts';

const { minM, maxM } = CHECKIN_RADIUS_LIMITS;

/**
 * 重点场所签到半径: the key places of the caller's area with their kind's default check-in radius and their
 * own, edited per row (save → the own radius; 恢复默认 → none, the kind's default applies).
 */
export function KeyPlacesPage() {
  const { t } = useTranslation(NS);
  const places = useKeyPlaces();
  const put = usePutRadius();
  // Unsaved radii by place, and the refusal of the row last saved.
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [refused, setRefused] = useState<{ id: string; message: string } | null>(null);
  const [filter, setFilter] = useState('');
  const rows = (places.data?.items ?? []).filter((p) => !filter || p.name.includes(filter.trim()));

  const save = async (row: KeyPlaceRow, radiusM: number | null) => {
    try {
      await put.mutateAsync({ id: row.id, radiusM });
      setEdits(({ [row.id]: _, ...rest }) => rest);
      setRefused(null);
      notifySuccess(t(radiusM === null ? 'places.cleared' : 'places.saved'));
    } catch (err) {
      if (isApiError(err) && err.status === 422) setRefused({ id: row.id, message: err.message });
      else notifyError(err);
    }
  };
  const cannotList = places.error
    ? isApiError(places.error) && places.error.status === 403
      ? t('places.cannotList')
      : places.error.message
    : null;

  return (
    <Card title={t('places.title')} data-testid="key-places-page">
      <Typography.Paragraph type="secondary">{t('places.hint', { min: minM, max: maxM })}</Typography.Paragraph>
      {cannotList ? (
        <Alert type="info" showIcon message={cannotList} data-testid="places-error" />
      ) : (
        <>
          <Input.Search
            allowClear
            placeholder={t('places.filter')}
            onChange={(e) => setFilter(e.target.value)}
            style={{ maxWidth: 280, marginBottom: 12 }}
            data-testid="places-filter"
          />
          <Table<KeyPlaceRow>
            rowKey="id"
            size="small"
            loading={places.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={(row) => ({ 'data-testid': `place-row-${row.name}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('places.name'), dataIndex: 'name' },
              { title: t('places.kind'), dataIndex: 'kind', render: (k: KeyPlaceKind) => t(`places.kinds.${k}`) },
              {
                title: t('places.defaultRadius'),
                key: 'default',
                render: (_, row) => t('places.meters', { n: CHECKIN_RADIUS_M[row.kind] }),
              },
              {
                title: t('places.ownRadius'),
                key: 'own',
                render: (_, row) => {
                  const value = row.id in edits ? edits[row.id] : row.radiusM;
                  const bad = refused?.id === row.id;
                  return (
                    <Space direction="vertical" size={2}>
                      <Space wrap>
                        <InputNumber
                          min={minM}
                          max={maxM}
                          precision={0}
                          value={value}
                          placeholder={t('places.none')}
                          status={bad ? 'error' : undefined}
                          addonAfter={t('places.unit')}
                          onChange={(v) => {
                            setRefused(null);
                            setEdits((e) => ({ ...e, [row.id]: v }));
                          }}
                          style={{ width: 140 }}
                          data-testid="radius-input"
                        />
                        <Button
                          type="primary"
                          size="small"
                          disabled={!(row.id in edits) || value === null || value === row.radiusM}
                          loading={put.isPending && put.variables?.id === row.id && put.variables.radiusM !== null}
                          onClick={() => void save(row, value ?? null)}
                          data-testid="radius-save"
                        >
                          {t('places.save')}
                        </Button>
                        <Button
                          size="small"
                          disabled={row.radiusM === null}
                          onClick={() => void save(row, null)}
                          data-testid="radius-clear"
                        >
                          {t('places.clear')}
                        </Button>
                      </Space>
                      {bad && (
                        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="radius-error">
                          {refused.message}
                        </Typography.Text>
                      )}
                    </Space>
                  );
                },
              },
              {
                title: t('places.inUse'),
                key: 'inUse',
                render: (_, row) => (
                  <span data-testid="radius-in-use">
                    {t('places.meters', { n: row.radiusM ?? CHECKIN_RADIUS_M[row.kind] })}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
