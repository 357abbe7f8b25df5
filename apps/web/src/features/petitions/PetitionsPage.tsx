import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Form, Input, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type Light,
  PETITION_CHANNELS,
  PETITION_MATTER_TYPES,
  PETITION_STATES,
  type PetitionChannel,
  type PetitionListQuery,
  type PetitionMatterType,
  type PetitionState,
} from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { LightDot } from '../cases/bits.tsx';
import { usePetitionCount, usePetitions } from './api.ts';
import { PetitionTable } from './PetitionTable.tsx';

type View = PetitionListQuery['view'];
interface Filter {
  q?: string;
  state?: PetitionState;
  channel?: PetitionChannel;
  matterType?: PetitionMatterType;
  light?: Light;
  collective?: boolean;
  repeat?: boolean;
}

function TabLabel({ view }: { view: View }) {
  const { t } = useTranslation();
  const count = usePetitionCount({ view });
  return (
    <span data-testid={`petition-tab-${view}`}>
      {t(`petitions.tabs.${view}`)}
      {view !== 'all' && count.data ? (
        <Badge count={count.data} overflowCount={999} size="small" style={{ marginInlineStart: 6 }} />
      ) : null}
    </span>
  );
}

/** 信访台账: the centre's queue and the leaders' petitions, with the statutory lights, filters and registration. */
export function PetitionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const centre = can('petition.centre');
  const views: View[] = centre ? ['queue', 'overdue', 'all'] : ['led', 'overdue', 'all'];
  const [search, setSearch] = useSearchParams();
  const param = search.get('view') as View | null;
  const view: View = param && views.includes(param) ? param : (views[0] as View);
  const [filter, setFilter] = useState<Filter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = usePetitions({
    view,
    ...filter,
    collective: filter.collective ? 'true' : undefined,
    repeat: filter.repeat ? 'true' : undefined,
    sort: view === 'all' ? 'registered_desc' : 'deadline_asc',
    ...paging,
  });
  const [form] = Form.useForm<Filter>();

  return (
    <Card
      title={t('petitions.title')}
      extra={
        centre && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/petitions/new')}
            data-testid="petition-new"
          >
            {t('petitions.register')}
          </Button>
        )
      }
      data-testid="petition-register"
    >
      <Tabs
        activeKey={view}
        onChange={(v) => {
          setPaging((p) => ({ ...p, page: 1 }));
          setSearch({ view: v }, { replace: true });
        }}
        items={views.map((v) => ({ key: v, label: <TabLabel view={v} /> }))}
      />
      <Form<Filter>
        form={form}
        layout="inline"
        style={{ rowGap: 12, marginBottom: 16 }}
        onValuesChange={(_, all) => {
          setFilter({ ...all, q: all.q?.trim() || undefined });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        data-testid="petition-filters"
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('petitions.filters.search')} maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="state">
          <Select
            allowClear
            placeholder={t('petitions.filters.state')}
            style={{ width: 140 }}
            options={PETITION_STATES.map((s) => ({ value: s, label: t(`petitions.states.${s}`) }))}
            data-testid="petition-filter-state"
          />
        </Form.Item>
        <Form.Item name="channel">
          <Select
            allowClear
            placeholder={t('petitions.filters.channel')}
            style={{ width: 120 }}
            options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="matterType">
          <Select
            allowClear
            placeholder={t('petitions.filters.matterType')}
            style={{ width: 130 }}
            options={PETITION_MATTER_TYPES.map((m) => ({ value: m, label: t(`petitions.matterTypes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="light">
          <Select<Light>
            allowClear
            placeholder={t('petitions.filters.light')}
            style={{ width: 110 }}
            options={(['green', 'yellow', 'red'] as const).map((l) => ({ value: l, label: <LightDot light={l} /> }))}
            data-testid="petition-filter-light"
          />
        </Form.Item>
        <Form.Item name="collective" valuePropName="checked">
          <Checkbox>{t('petitions.filters.collective')}</Checkbox>
        </Form.Item>
        <Form.Item name="repeat" valuePropName="checked">
          <Checkbox>{t('petitions.filters.repeat')}</Checkbox>
        </Form.Item>
      </Form>
      <PetitionTable
        items={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('petitions.list.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}
