import { useState, type ReactNode } from 'react';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_ACTION_LIMITS, RATINGS, type Rating } from '@gewu/domain';
import type { ActionInput } from '../api.ts';

/** A big toggle button of a one-of-several choice (the test id sits on the button itself). */
function Choice({
  selected,
  onSelect,
  testId,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      className={`m-choice${selected ? ' selected' : ''}`}
      onClick={onSelect}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

interface Props {
  version: number;
  busy: boolean;
  onSubmit: (input: ActionInput) => void;
}

/** 评价: 满意 / 基本满意 / 不满意 and whether the problem was solved (是否解决). */
export function RatingForm({ version, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<Rating | null>(null);
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!rating) return setError(t('mobile.rating.ratingRequired'));
    if (resolved === null) return setError(t('mobile.rating.resolvedRequired'));
    setError(null);
    onSubmit({ action: 'rate', version, rating, resolved, note: note.trim() || undefined });
  };

  return (
    <section className="m-section" data-testid="m-rating">
      <div className="m-section-title">{t('mobile.rating.title')}</div>
      <div className="m-choices m-choices-wide" role="radiogroup" aria-label={t('mobile.rating.title')}>
        {RATINGS.map((r) => (
          <Choice key={r} selected={rating === r} onSelect={() => setRating(r)} testId={`m-rating-${r}`}>
            {t(`mobile.ratings.${r}`)}
          </Choice>
        ))}
      </div>
      <div className="m-label" style={{ marginTop: 12 }}>
        {t('mobile.rating.resolved')}
      </div>
      <div className="m-choices m-choices-wide" role="radiogroup" aria-label={t('mobile.rating.resolved')}>
        <Choice selected={resolved === true} onSelect={() => setResolved(true)} testId="m-resolved-yes">
          {t('mobile.rating.yes')}
        </Choice>
        <Choice selected={resolved === false} onSelect={() => setResolved(false)} testId="m-resolved-no">
          {t('mobile.rating.no')}
        </Choice>
      </div>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('mobile.rating.notePlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={CASE_ACTION_LIMITS.noteMax}
        style={{ marginTop: 12 }}
        data-testid="m-rating-note"
      />
      {error && (
        <div className="m-field-error" data-testid="m-rating-error">
          {error}
        </div>
      )}
      <Button
        type="primary"
        block
        className="m-big"
        style={{ marginTop: 12 }}
        loading={busy}
        onClick={submit}
        data-testid="m-action-rate"
      >
        {t('mobile.rating.submit')}
      </Button>
    </section>
  );
}
