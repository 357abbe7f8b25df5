import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Input, Switch } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REPORT_LIMITS } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { notifySuccess } from '../../app/notify.ts';
import { isGridWorker, useCatalogue } from '../api.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { draftOf, emptyForm, validateReport, type FieldValue, type FormErrors, type ReportForm } from './form.ts';
import { ItemPicker } from './ItemPicker.tsx';
import { CommonItems } from './CommonItems.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { LocationPicker } from './LocationPicker.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';

// An item's extra fields (numbers, dates, choices) appear once an item is picked: their inputs load then.
const ItemFields = lazy(() => import('./ItemFields.tsx').then((m) => ({ default: m.ItemFields })));

/** Where the mine list shows what just happened to a report. */
export type ReportedState = {
  reported?: { code: string; selfHandled: boolean };
  queued?: boolean;
  /** 我也遇到: added to someone's open report instead of filing a new one. */
  supplemented?: { itemName: string };
};

/**
 * 一键上报 (residents) / 上报 with 即报即办 (grid workers). The report is put in the device's
 * outbox first and sent from there: online it goes at once and the case code is shown; offline
 * (or when the network drops) it waits under 「待同步」 and goes when the phone is back online.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const worker = isGridWorker(user);
  const catalogue = useCatalogue(user);
  const outbox = useOutbox();
  const navigate = useNavigate();
  const [form, setForm] = useState<ReportForm>(emptyForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Thumbnails are object URLs: free them when the page goes.
  const formRef = useRef(form);
  useEffect(() => {
    formRef.current = form;
  }, [form]);
  useEffect(
    () => () => [...formRef.current.photos, ...formRef.current.afterPhotos].forEach((p) => URL.revokeObjectURL(p.url)),
    [],
  );

  const set = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const setField = (code: string, value: FieldValue) => {
    setForm((f) => ({ ...f, fields: { ...f.fields, [code]: value } }));
    setErrors((e) => ({ ...e, [`fields.${code}`]: '' }));
  };

  const pickItem = (item: NonNullable<ReportForm['item']>) => {
    setForm((f) => ({ ...f, item, fields: {}, selfHandle: f.selfHandle && item.minor }));
    setErrors((e) => ({ ...e, item: '' }));
  };

  const supplemented = (r: { itemName: string }) => {
    [...form.photos, ...form.afterPhotos].forEach((p) => URL.revokeObjectURL(p.url));
    setForm(emptyForm());
    notifySuccess(t('mobile.nearby.sent'));
    void navigate('/m/mine', { state: { supplemented: { itemName: r.itemName } } satisfies ReportedState });
  };

  const submit = async () => {
    setRefused(null);
    const found = validateReport(form, (key, vars) => t(`mobile.validation.${key}`, vars ?? {}));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.querySelector('.m-field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    setSubmitting(true);
    try {
      const queued = await outbox.enqueue({
        draft: draftOf(form),
        itemName: form.item?.name ?? '',
        photos: form.photos.map((p) => p.blob),
        afterPhotos: form.selfHandle && form.item?.minor ? form.afterPhotos.map((p) => p.blob) : [],
      });
      const outcome = await outbox.sendNow(queued.id);
      if (outcome?.kind === 'failed') {
        // Refused while the user is still here: fix it on the form rather than in the outbox.
        await outbox.remove(queued.id);
        setRefused(outcome.error.message);
        window.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      [...form.photos, ...form.afterPhotos].forEach((p) => URL.revokeObjectURL(p.url));
      setForm(emptyForm());
      if (outcome?.kind === 'sent') {
        const selfHandled = !!queued.draft.selfHandleNote;
        notifySuccess(t('mobile.report.sent', { code: outcome.result.code }));
        void navigate('/m/mine', {
          state: { reported: { code: outcome.result.code, selfHandled } } satisfies ReportedState,
        });
      } else {
        void navigate('/m/mine', { state: { queued: true } satisfies ReportedState });
      }
    } catch {
      setRefused(t('mobile.report.storageFailed'));
    } finally {
      setSubmitting(false);
    }
  };

  const minor = !!form.item?.minor;
  return (
    <form
      className="m-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      {refused && (
        <Alert
          type="error"
          showIcon
          title={t('mobile.report.refused')}
          description={refused}
          closable={{ onClose: () => setRefused(null) }}
          className="m-section"
          data-testid="report-error"
        />
      )}

      <section className="m-section">
        <div className="m-section-title">{t('mobile.report.photos')}</div>
        <PhotoPicker
          photos={form.photos}
          onChange={(p) => set('photos', p)}
          max={REPORT_LIMITS.photosMax}
          testId="report-photo"
          error={errors.photos}
        />
      </section>

      <section className="m-section">
        <div className="m-section-title">
          <span>
            <span className="m-required">*</span>
            {t('mobile.report.item')}
          </span>
        </div>
        <CommonItems catalogue={catalogue.data ?? []} value={form.item} onPick={pickItem} />
        <ItemPicker
          items={catalogue.data ?? []}
          loading={catalogue.fetchStatus === 'fetching'}
          failed={catalogue.isError || catalogue.fetchStatus === 'paused'}
          onReload={() => void catalogue.refetch()}
          value={form.item}
          onChange={pickItem}
          showMinor={worker}
          error={errors.item}
        />
        {form.item && form.item.fields.length > 0 && (
          <Suspense fallback={null}>
            <ItemFields fields={form.item.fields} values={form.fields} onChange={setField} errors={errors} />
          </Suspense>
        )}
      </section>

      <section className="m-section">
        <div className="m-section-title">
          <span>
            <span className="m-required">*</span>
            {t('mobile.report.location')}
          </span>
        </div>
        <LocationPicker
          value={form.location}
          onChange={(p) => set('location', p)}
          address={form.address}
          onAddress={(a) => set('address', a)}
          error={errors.location}
        />
      </section>

      {!worker && (
        <NearbyReports
          itemCode={form.item && !form.item.unclassified ? form.item.code : null}
          point={form.location}
          onSupplemented={supplemented}
        />
      )}

      <section className="m-section">
        <div className="m-section-title">
          <span>
            <span className="m-required">*</span>
            {t('mobile.report.description')}
          </span>
        </div>
        <Input.TextArea
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
          placeholder={t('mobile.report.descriptionPlaceholder')}
          autoSize={{ minRows: 4, maxRows: 10 }}
          maxLength={REPORT_LIMITS.descriptionMax}
          showCount={{
            formatter: ({ count, maxLength }) => (
              <span data-testid="report-description-count">{t('mobile.report.count', { count, max: maxLength })}</span>
            ),
          }}
          status={errors.description ? 'error' : undefined}
          data-testid="report-description"
          aria-label={t('mobile.report.description')}
        />
        {errors.description && <div className="m-field-error">{errors.description}</div>}
      </section>

      {worker && minor && (
        <section className="m-section">
          <label className="m-switch-row">
            <span>
              <strong>{t('mobile.selfHandle.title')}</strong>
              <span className="m-muted m-hint">{t('mobile.selfHandle.hint')}</span>
            </span>
            <Switch checked={form.selfHandle} onChange={(v) => set('selfHandle', v)} data-testid="report-self-handle" />
          </label>
          {form.selfHandle && (
            <div className="m-field">
              <label className="m-label">
                <span className="m-required">*</span>
                {t('mobile.selfHandle.note')}
              </label>
              <Input.TextArea
                value={form.selfNote}
                onChange={(e) => set('selfNote', e.target.value)}
                placeholder={t('mobile.selfHandle.notePlaceholder')}
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={REPORT_LIMITS.selfHandleNoteMax}
                showCount
                status={errors.selfNote ? 'error' : undefined}
                data-testid="report-self-note"
                aria-label={t('mobile.selfHandle.note')}
              />
              {errors.selfNote && <div className="m-field-error">{errors.selfNote}</div>}
              <label className="m-label" style={{ marginTop: 12 }}>
                {t('mobile.selfHandle.photos')}
              </label>
              <PhotoPicker
                photos={form.afterPhotos}
                onChange={(p) => set('afterPhotos', p)}
                max={REPORT_LIMITS.photosMax}
                testId="report-self-photo"
                error={errors.afterPhotos}
              />
            </div>
          )}
        </section>
      )}

      <section className="m-section">
        <label className="m-switch-row">
          <span>
            <strong>{t('mobile.report.anonymous')}</strong>
            <span className="m-muted m-hint">{t('mobile.report.anonymousHint')}</span>
          </span>
          <Switch checked={form.anonymous} onChange={(v) => set('anonymous', v)} data-testid="report-anonymous" />
        </label>
        <label className="m-switch-row" style={{ marginTop: 12 }}>
          <span>
            <strong>{t('mobile.report.publicConsent')}</strong>
            <span className="m-muted m-hint">{t('mobile.report.publicConsentHint')}</span>
          </span>
          <Switch
            checked={form.publicConsent}
            onChange={(v) => set('publicConsent', v)}
            data-testid="report-public-consent"
          />
        </label>
      </section>

      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        className="m-big"
        icon={<SendOutlined />}
        loading={submitting}
        data-testid="report-submit"
      >
        {form.selfHandle && minor ? t('mobile.report.submitSelfHandle') : t('mobile.report.submit')}
      </Button>
    </form>
  );
}
