import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_NORM_ID,
  DUTY_NORM_FIELDS,
  DUTY_NORM_LEVELS,
  dutyNormProblem,
  type DutyNormFigures,
  type PatrolNormSettingBody,
} from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useNormSetting, usePutNormSetting, type NormField, type NormSettingView } from './api.ts';
import { NS } from './i18n.ts';

const INHERIT = 'inherit';
type Draft = { choice: string; name: string } & Record<NormField, number | null>;

/** The draft the form opens with: the region's own setting, or inherit when the norm comes from above. */
function draftOf(view: NormSettingView): Draft {
  const own = view.setAt === view.regionPath;
  const { norm } = view;
  return {
    choice: own ? norm.id : INHERIT,
    name: norm.id === CUSTOM_NORM_ID ? norm.name : '',
    daysPerWeek: norm.daysPerWeek,
    patrolsPerDay: norm.patrolsPerDay,
    hoursPerDay: norm.hoursPerDay,
    reportsPerDay: norm.reportsPerDay,
  };
}

/**
 * 巡查履职标准: the duty norm in force at the caller's region and where it is set; an admin of a province,
 * city or county (DUTY_NORM_LEVELS) picks a defined norm, sets its own figures or inherits; the server's
 * refusal shows next to the form.
 */
export function PatrolNormPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const user = useCurrentUser();
  const setting = useNormSetting();
  const put = usePutNormSetting();
  const [edits, setEdits] = useState<Draft | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const mayEdit = can('patrol.norm_manage') && (DUTY_NORM_LEVELS as readonly string[]).includes(user.region.level);
  const view = setting.data;
  const draft = edits ?? (view ? draftOf(view) : null);
  // The field the refusal concerns, to show it beside that field (the form's other refusals show below it).
  const badField =
    refused && draft?.choice === CUSTOM_NORM_ID
      ? dutyNormProblem(Object.fromEntries(DUTY_NORM_FIELDS.map((k) => [k, draft[k] ?? Number.NaN])) as DutyNormFigures)
      : null;

  const change = (patch: Partial<Draft>) => {
    setRefused(null);
    if (draft) setEdits({ ...draft, ...patch });
  };
  const save = async () => {
    if (!draft) return;
    const body: PatrolNormSettingBody =
      draft.choice === CUSTOM_NORM_ID
        ? {
            normId: CUSTOM_NORM_ID,
            name: draft.name,
            ...Object.fromEntries(DUTY_NORM_FIELDS.map((k) => [k, draft[k] ?? undefined])),
          }
        : { normId: draft.choice };
    try {
      await put.mutateAsync(body);
      setEdits(null);
      setRefused(null);
      notifySuccess(t('norm.saved'));
    } catch (err) {
      if (isApiError(err) && err.status === 422) setRefused(err.message);
      else notifyError(err);
    }
  };

  const where = !view
    ? null
    : view.setAt === view.regionPath
      ? t('norm.setHere')
      : view.setAt
        ? t('norm.inherited', { path: view.setAt })
        : t('norm.platformDefault');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="patrol-norm-page">
      <Card title={t('norm.inForce')} loading={setting.isLoading} data-testid="norm-in-force">
        {view && (
          <>
            <Typography.Paragraph>
              <Typography.Text strong data-testid="norm-name">
                {view.norm.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 12 }} data-testid="norm-where">
                {where}
              </Typography.Text>
            </Typography.Paragraph>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
              {DUTY_NORM_FIELDS.map((k) => (
                <Descriptions.Item key={k} label={t(`norm.${k}`)}>
                  <span data-testid={`norm-${k}`}>{view.norm[k]}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('norm.source')}：{view.norm.source}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      {view && draft && !mayEdit && (
        <Alert type="info" showIcon message={t('norm.readOnly')} data-testid="norm-read-only" />
      )}
      {view && draft && mayEdit && (
        <Card title={t('norm.change')} data-testid="norm-form">
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            <Form.Item label={t('norm.choice')}>
              <Radio.Group
                value={draft.choice}
                onChange={(e) => change({ choice: e.target.value as string })}
                data-testid="norm-choice"
              >
                <Space direction="vertical">
                  {view.norms.map((n) => (
                    <Radio key={n.id} value={n.id}>
                      {n.name}
                    </Radio>
                  ))}
                  <Radio value={CUSTOM_NORM_ID}>{t('norm.custom')}</Radio>
                  <Radio value={INHERIT}>{t('norm.inherit')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {draft.choice === CUSTOM_NORM_ID && (
              <>
                <Form.Item label={t('norm.name')}>
                  <Input
                    value={draft.name}
                    maxLength={40}
                    placeholder={t('norm.namePlaceholder')}
                    onChange={(e) => change({ name: e.target.value })}
                    data-testid="norm-custom-name"
                  />
                </Form.Item>
                {DUTY_NORM_FIELDS.map((k) => {
                  const { min, max, step } = view.limits[k];
                  return (
                    <Form.Item
                      key={k}
                      label={t(`norm.${k}`)}
                      extra={t('norm.range', { min, max })}
                      validateStatus={badField === k ? 'error' : undefined}
                      help={badField === k ? <span data-testid="norm-error">{refused}</span> : undefined}
                    >
                      <InputNumber
                        min={min}
                        max={max}
                        step={step}
                        value={draft[k]}
                        onChange={(v) => change({ [k]: v })}
                        style={{ width: 160 }}
                        data-testid={`norm-input-${k}`}
                      />
                    </Form.Item>
                  );
                })}
              </>
            )}
            {refused && !badField && (
              <Form.Item>
                <Typography.Text type="danger" data-testid="norm-error">
                  {refused}
                </Typography.Text>
              </Form.Item>
            )}
            <Button type="primary" loading={put.isPending} onClick={() => void save()} data-testid="norm-save">
              {t('norm.save')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
