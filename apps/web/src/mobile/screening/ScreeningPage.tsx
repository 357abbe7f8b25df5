import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Select, Switch, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SCREENING_LIMITS, type MyScreeningView, type ScreenedDispute, type ScreeningReportView } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { dueText } from '../../features/screening/format.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useAmendScreening, useFileScreening, useMyScreening } from '../../features/screening/api.ts';

type GridView = MyScreeningView['grids'][number];
type Types = MyScreeningView['types'];

/** A dispute being written down on the phone (names optional; they are protected on the server). */
interface Draft {
  key: number;
  typeCode?: string;
  summary: string;
  address: string;
  serious: boolean;
  civilToCriminal: boolean;
  partyA: string;
  partyB: string;
}

let drafts = 0;
const emptyDraft = (): Draft => ({
  key: ++drafts,
  summary: '',
  address: '',
  serious: false,
  civilToCriminal: false,
  partyA: '',
  partyB: '',
});

/** The drafts as the report sends them; undefined while one lacks its type or summary. */
function toFindings(list: Draft[]): ScreenedDispute[] | undefined {
  if (list.some((d) => !d.typeCode || d.summary.trim().length < 2)) return undefined;
  return list.map((d) => ({
    typeCode: d.typeCode as string,
    summary: d.summary.trim(),
    address: d.address.trim() || undefined,
    risk: d.serious ? 'serious' : 'general',
    civilToCriminal: d.civilToCriminal,
    parties: [
      ...(d.partyA.trim()
        ? [{ kind: 'person' as const, side: 'a' as const, role: 'principal' as const, name: d.partyA.trim() }]
        : []),
      ...(d.partyB.trim()
        ? [{ kind: 'person' as const, side: 'b' as const, role: 'principal' as const, name: d.partyB.trim() }]
        : []),
    ],
  }));
}

/** New disputes found: type, what happened, where, risk, the parties' names if known. */
function Findings({ list, types, onChange }: { list: Draft[]; types: Types; onChange: (l: Draft[]) => void }) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<Draft>) =>
    onChange(list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  return (
    <div className="m-field">
      <span className="m-label">{t('screening.mine.newOnes')}</span>
      {list.map((d, i) => (
        <div key={d.key} className="m-section" style={{ border: '1px solid #eaecf0' }} data-testid={`m-finding-${i}`}>
          <div className="m-section-title">
            <span>#{i + 1}</span>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('screening.mine.remove')}
              onClick={() => onChange(list.filter((x) => x.key !== d.key))}
            />
          </div>
          <Select
            style={{ width: '100%' }}
            placeholder={t('screening.mine.type')}
            value={d.typeCode}
            onChange={(v) => set(d.key, { typeCode: v })}
            options={types.map((x) => ({ value: x.code, label: x.name }))}
            data-testid={`m-finding-type-${i}`}
          />
          <Input.TextArea
            className="m-field"
            rows={3}
            maxLength={SCREENING_LIMITS.noteMax}
            placeholder={t('screening.mine.summaryPlaceholder')}
            value={d.summary}
            onChange={(e) => set(d.key, { summary: e.target.value })}
            data-testid={`m-finding-summary-${i}`}
          />
          <Input
            className="m-field"
            placeholder={t('screening.mine.address')}
            maxLength={200}
            value={d.address}
            onChange={(e) => set(d.key, { address: e.target.value })}
          />
          <Input
            className="m-field"
            placeholder={t('screening.mine.partyA')}
            maxLength={100}
            value={d.partyA}
            onChange={(e) => set(d.key, { partyA: e.target.value })}
          />
          <Input
            className="m-field"
            placeholder={t('screening.mine.partyB')}
            maxLength={100}
            value={d.partyB}
            onChange={(e) => set(d.key, { partyB: e.target.value })}
          />
          <label className="m-switch-row m-field">
            <span>{t('screening.mine.serious')}</span>
            <Switch checked={d.serious} onChange={(v) => set(d.key, { serious: v })} />
          </label>
          <label className="m-switch-row">
            <span>{t('screening.mine.civilToCriminal')}</span>
            <Switch checked={d.civilToCriminal} onChange={(v) => set(d.key, { civilToCriminal: v })} />
          </label>
        </div>
      ))}
      {list.length < SCREENING_LIMITS.findingsMax && (
        <Button
          block
          icon={<PlusOutlined />}
          onClick={() => onChange([...list, emptyDraft()])}
          data-testid="m-finding-add"
        >
          {t('screening.mine.add')}
        </Button>
      )}
    </div>
  );
}

/** The registered open disputes of the grid's community, to tick the ones still found this period. */
function Existing({
  grid,
  value,
  onChange,
  exclude = [],
}: {
  grid: GridView;
  value: string[];
  onChange: (ids: string[]) => void;
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const open = grid.openDisputes.filter((d) => !exclude.includes(d.id));
  return (
    <div className="m-field">
      <span className="m-label">{t('screening.mine.existing')}</span>
      {open.length === 0 ? (
        <span className="m-muted">{t('screening.mine.noExisting')}</span>
      ) : (
        <Checkbox.Group
          value={value}
          onChange={(v) => onChange(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {open.map((d) => (
            <Checkbox key={d.id} value={d.id} data-testid={`m-existing-${d.code}`}>
              <span>
                {d.typeName} · <span className="m-muted">{d.code}</span>
                <br />
                <span className="m-muted">{d.summary}</span>
              </span>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </div>
  );
}

/** This period's report for one grid, not filed yet: zero (零报告) or the disputes found. */
function ReportForm({ grid, types }: { grid: GridView; types: Types }) {
  const { t } = useTranslation();
  const file = useFileScreening();
  const [key] = useState(() => crypto.randomUUID());
  const [mode, setMode] = useState<'zero' | 'found' | null>(null);
  const [linked, setLinked] = useState<string[]>([]);
  const [list, setList] = useState<Draft[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    setProblem(null);
    const findings = toFindings(list);
    if (mode === 'found' && !findings) return setProblem(t('screening.mine.needSummary'));
    if (mode === 'found' && linked.length + list.length === 0) return setProblem(t('screening.mine.needOne'));
    file.mutate(
      {
        gridId: grid.gridId,
        period: grid.period.start,
        zero: mode === 'zero',
        disputeIds: mode === 'found' ? linked : [],
        newDisputes: mode === 'found' ? (findings ?? []) : [],
        note: note.trim() || undefined,
        idempotencyKey: key,
      },
      { onSuccess: () => notifySuccess(t('screening.mine.submitted')) },
    );
  };

  return (
    <>
      <span className="m-label">{t('screening.mine.choose')}</span>
      <div className="m-choices" role="radiogroup">
        {(['zero', 'found'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className={`m-choice${mode === m ? ' selected' : ''}`}
            onClick={() => setMode(m)}
            data-testid={`m-screening-${m}`}
          >
            {t(m === 'zero' ? 'screening.mine.zeroOption' : 'screening.mine.foundOption')}
          </button>
        ))}
      </div>
      {mode === 'zero' && <span className="m-hint m-muted">{t('screening.mine.zeroHint')}</span>}
      {mode === 'found' && (
        <>
          <Existing grid={grid} value={linked} onChange={setLinked} />
          <Findings list={list} types={types} onChange={setList} />
        </>
      )}
      {mode && (
        <>
          <Input.TextArea
            className="m-field"
            rows={2}
            maxLength={SCREENING_LIMITS.noteMax}
            placeholder={t('screening.mine.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem && <div className="m-field-error">{problem}</div>}
          <Button
            type="primary"
            block
            className="m-big m-field"
            loading={file.isPending}
            onClick={submit}
            data-testid="m-screening-submit"
          >
            {t(mode === 'zero' ? 'screening.mine.submitZero' : 'screening.mine.submit')}
          </Button>
        </>
      )}
    </>
  );
}

/** A report already filed: what it said, and 补报 for what was found since. */
function Filed({ grid, report, types }: { grid: GridView; report: ScreeningReportView; types: Types }) {
  const { t } = useTranslation();
  const amend = useAmendScreening(report.id);
  const [open, setOpen] = useState(false);
  const [linked, setLinked] = useState<string[]>([]);
  const [list, setList] = useState<Draft[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    setProblem(null);
    const findings = toFindings(list);
    if (!findings) return setProblem(t('screening.mine.needSummary'));
    if (linked.length + list.length === 0) return setProblem(t('screening.mine.needOne'));
    amend.mutate(
      { version: report.version, note: note.trim(), disputeIds: linked, newDisputes: findings },
      {
        onSuccess: () => {
          notifySuccess(t('screening.mine.submitted'));
          setOpen(false);
          setList([]);
          setLinked([]);
          setNote('');
        },
      },
    );
  };
  return (
    <>
      <Alert
        className="m-section"
        type={report.zero ? 'info' : 'success'}
        showIcon
        title={
          <span data-testid="m-screening-filed">
            {report.zero
              ? t('screening.mine.filedZero')
              : t('screening.mine.filedFound', { n: report.disputes.length })}{' '}
            {report.late && <Tag color="orange">{t('screening.mine.lateTag')}</Tag>}
          </span>
        }
        description={formatTime(report.reportedAt)}
      />
      {report.disputes.map((d) => (
        <div key={d.id} className="m-muted" style={{ marginBottom: 4 }}>
          {d.typeName} · {d.code}
        </div>
      ))}
      {!open ? (
        <Button
          block
          className="m-field"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="m-screening-amend"
        >
          {t('screening.mine.amend')}
        </Button>
      ) : (
        <>
          <Existing grid={grid} value={linked} onChange={setLinked} exclude={report.disputes.map((d) => d.id)} />
          <Findings list={list} types={types} onChange={setList} />
          <Input.TextArea
            className="m-field"
            rows={2}
            maxLength={SCREENING_LIMITS.noteMax}
            placeholder={t('screening.mine.amendNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem && <div className="m-field-error">{problem}</div>}
          <Button
            type="primary"
            block
            className="m-big m-field"
            disabled={!note.trim()}
            loading={amend.isPending}
            onClick={submit}
            data-testid="m-screening-amend-submit"
          >
            {t('screening.mine.amendSubmit')}
          </Button>
        </>
      )}
    </>
  );
}

/**
 * 排查 on the grid worker's phone: for each grid they answer for, this period — its due time, and
 * either the report filed (with 补报 for findings since) or the form: a zero report (零报告, a
 * deliberate answer) or the disputes found, registered ones ticked and new ones written down.
 */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const mine = useMyScreening();
  // When the page was opened: enough to say whether the due time has passed.
  const [openedAt] = useState(() => Date.now());
  if (mine.isPending) return <div className="m-loading" />;
  if (mine.isError) return <Alert className="m-section" type="error" showIcon title={mine.error.message} />;
  const { grids, types } = mine.data;
  if (grids.length === 0)
    return <Alert className="m-section" type="info" showIcon title={t('screening.mine.noGrid')} />;
  return (
    <div data-testid="m-screening">
      {grids.map((g) => {
        const overdue = Date.parse(g.period.dueAt) < openedAt;
        return (
          <section key={g.gridId} className="m-section" data-testid={`m-screening-grid-${g.gridCode}`}>
            <div className="m-section-title">
              <span>{g.gridName}</span>
              <Tag color="blue">{g.period.label}</Tag>
            </div>
            {!g.report && (
              <span className={overdue ? 'm-field-error' : 'm-muted'} style={{ display: 'block', marginBottom: 10 }}>
                {overdue ? t('screening.mine.overdue') : t('screening.mine.due', { at: dueText(g.period.dueAt) })}
              </span>
            )}
            {g.report ? <Filed grid={g} report={g.report} types={types} /> : <ReportForm grid={g} types={types} />}
          </section>
        );
      })}
    </div>
  );
}
