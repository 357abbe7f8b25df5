import { IntervalsCard } from './IntervalsCard.tsx';

/** 走访间隔: the county's visit intervals by kind and risk — edited by a county account, read by the centre. */
export function VisitIntervalsPage() {
  return (
    <div data-testid="visit-intervals-page">
      <IntervalsCard />
    </div>
  );
}
