import { Descriptions, Divider, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { fullRegionCode, type Region } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { AddRegionForm } from './AddRegionForm.tsx';

export function RegionDetail({ region, onCreated }: { region: Region; onCreated: (r: Region) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <Descriptions
        column={1}
        data-testid="region-detail"
        items={[
          { key: 'name', label: t('regions.name'), children: region.name },
          { key: 'code', label: t('regions.code'), children: region.code },
          { key: 'full', label: t('regions.fullCode'), children: fullRegionCode(region.code) },
          { key: 'level', label: t('regions.level'), children: <Tag>{t(`levels.${region.level}`)}</Tag> },
        ]}
      />
      {can('region.manage') && (
        <>
          <Divider titlePlacement="start">{t('regions.addChild')}</Divider>
          <AddRegionForm key={region.id} parent={region} onCreated={onCreated} />
        </>
      )}
    </>
  );
}
