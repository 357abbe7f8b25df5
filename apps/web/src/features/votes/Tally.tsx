import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OwnersVoteTally } from '@gewu/domain';
import { formatArea } from './api.ts';

/** The published tally (民法典 art. 278): per choice by area and headcount, participation, the threshold and the outcome. */
export function Tally({ tally }: { tally: OwnersVoteTally }) {
  const { t } = useTranslation();
  const w = (x: { areaCenti: number; headcount: number }) =>
    t('votes.weight', { area: formatArea(x.areaCenti), heads: x.headcount });
  return (
    <Descriptions column={1} size="small" bordered data-testid="vote-tally">
      <Descriptions.Item label={t('votes.outcome')}>
        <Tag color={tally.passed ? 'green' : 'red'} data-testid="vote-outcome">
          {t(tally.passed ? 'votes.passed' : 'votes.notPassed')}
        </Tag>
        {t(`votes.threshold.${tally.threshold}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('votes.rollTotal')}>{w(tally.roll)}</Descriptions.Item>
      <Descriptions.Item label={t('votes.participating')}>
        {w(tally.participating)}{' '}
        <Tag color={tally.participationMet ? 'green' : 'red'}>
          {t(tally.participationMet ? 'votes.participationMet' : 'votes.participationShort')}
        </Tag>
      </Descriptions.Item>
      {(['for', 'against', 'abstain'] as const).map((c) => (
        <Descriptions.Item key={c} label={t(`votes.choices.${c}`)}>
          <span data-testid={`tally-${c}`}>{w(tally.byChoice[c])}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
