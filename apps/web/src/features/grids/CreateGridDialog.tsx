import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DEDICATED_KINDS,
  GRID_KINDS,
  type CreateGridBody,
  type DedicatedKind,
  type GridKind,
  type GridView,
} from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { useRegions } from '../regions/api.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { nextSeq, suggestName } from './codes.ts';

export type NewGrid = Omit<CreateGridBody, 'boundary'>;

interface Values {
  villageId?: string;
  kind: GridKind;
  parentGridId?: string;
  dedicatedKind?: DedicatedKind;
  seq: string;
  name: string;
  households: number;
}

interface Props {
  grids: readonly GridView[];
  initialVillageId?: string;
  onStart: (input: NewGrid) => void;
  onClose: () => void;
}

/** 新建网格, step one: where it goes, its kind, code and name. Drawing the boundary follows on the map. */
export function CreateGridDialog({ grids, initialVillageId, onStart, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const villageId = Form.useWatch('villageId', form);
  const kind = Form.useWatch('kind', form);
  const parentGridId = Form.useWatch('parentGridId', form);
  const unitGrids = grids.filter((g) => g.villageId === villageId && g.kind !== 'micro');
  const ownerCode =
    kind === 'micro'
      ? grids.find((g) => g.id === parentGridId)?.code
      : regions.data?.find((r) => r.id === villageId)?.code;

  /** Keeps the sequence and the suggested name in step with village, kind and parent grid. */
  const suggest = (values: Partial<Values>) => {
    const village = regions.data?.find((r) => r.id === values.villageId);
    const parent = values.kind === 'micro' ? grids.find((g) => g.id === values.parentGridId) : undefined;
    const owner = values.kind === 'micro' ? parent : village;
    if (!owner) return;
    const seq = nextSeq(grids, owner.code);
    form.setFieldsValue({ seq, name: suggestName(owner.name, seq, values.kind === 'micro') });
  };

  const onFinish = (v: Values) => {
    if (!v.villageId) return;
    onStart({
      villageId: v.villageId,
      kind: v.kind,
      parentGridId: v.kind === 'micro' ? v.parentGridId : undefined,
      dedicatedKind: v.kind === 'dedicated' ? v.dedicatedKind : undefined,
      seq: v.seq.trim(),
      name: v.name.trim(),
      households: v.households ?? 0,
      crs: 'WGS84',
    });
  };

  const required = { required: true, message: t('grids.required') };
  return (
    <Modal
      open
      title={t('grids.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('grids.startDrawing')}
      okButtonProps={buttonTestId('grid-create-start')}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ villageId: initialVillageId, kind: 'urban_community', households: 0, seq: '' }}
        onValuesChange={(changed: Partial<Values>, all) => {
          if ('villageId' in changed) form.setFieldValue('parentGridId', undefined);
          if ('villageId' in changed || 'kind' in changed || 'parentGridId' in changed) suggest({ ...all, ...changed });
        }}
        data-testid="grid-create-form"
      >
        <Form.Item name="villageId" label={t('grids.village')} rules={[required]}>
          <VillageSelect testId="grid-create-village" />
        </Form.Item>
        <Form.Item name="kind" label={t('grids.kind')} rules={[required]}>
          <Select<GridKind>
            options={GRID_KINDS.map((k) => ({ value: k, label: t(`gridKinds.${k}`) }))}
            data-testid="grid-create-kind"
          />
        </Form.Item>
        {kind === 'micro' && (
          <Form.Item name="parentGridId" label={t('grids.parentGrid')} rules={[required]}>
            <Select<string>
              options={unitGrids.map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="grid-create-parent"
            />
          </Form.Item>
        )}
        {kind === 'dedicated' && (
          <Form.Item name="dedicatedKind" label={t('grids.dedicatedKind')} rules={[required]}>
            <Select<string>
              options={DEDICATED_KINDS.map((k) => ({ value: k, label: t(`dedicatedKinds.${k}`) }))}
              data-testid="grid-create-dedicated"
            />
          </Form.Item>
        )}
        <Form.Item
          name="seq"
          label={t('grids.seq')}
          extra={ownerCode ? t('grids.seqHint', { parent: ownerCode }) : undefined}
          rules={[required, { pattern: /^(?!000)\d{3}$/, message: t('grids.seqRule') }]}
        >
          <Input maxLength={3} style={{ width: 120 }} data-testid="grid-create-seq" />
        </Form.Item>
        <Form.Item name="name" label={t('grids.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} data-testid="grid-create-name" />
        </Form.Item>
        <Form.Item name="households" label={t('grids.households')}>
          <InputNumber min={0} max={100000} precision={0} data-testid="grid-create-households" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
