import { Space, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '@gewu/domain';
import type { ItemView } from './api.ts';

export const formatLimit = (t: TFunction, l: TimeLimit) => `${l.amount}${t(`cases.items.limitUnits.${l.unit}`)}`;

/** The tags that say how an item may be handled: 可下沉 / 负面清单 / 即报即办 / 群众可报. */
export function ItemTags({ item }: { item: ItemView }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {item.gridEligible && <Tag color="blue">{t('cases.items.tags.gridEligible')}</Tag>}
      {item.negativeList && <Tag color="red">{t('cases.items.tags.negativeList')}</Tag>}
      {item.minor && <Tag color="green">{t('cases.items.tags.minor')}</Tag>}
      {item.publicReport && <Tag>{t('cases.items.tags.publicReport')}</Tag>}
      {!item.active && <Tag color="default">{t('cases.items.tags.inactive')}</Tag>}
    </Space>
  );
}
