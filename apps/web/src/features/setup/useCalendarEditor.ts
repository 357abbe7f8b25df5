import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import type { CalendarView } from '@gewu/domain';
import { useSaveWorkCalendar } from './api.ts';
import {
  errorsFromDetails,
  fromDraft,
  localProblems,
  newDatedRow,
  newIntervalRow,
  toDraft,
  type CalendarDraft,
  type DatedList,
  type DatedRow,
  type FieldErrors,
  type LocalProblem,
} from './calendarDraft.ts';

const NO_PROBLEMS: Record<string, LocalProblem> = {};

/** Drops the messages of the cells (or lists) just edited; the same object when there were none. */
function without(errors: FieldErrors, keys: readonly string[]): FieldErrors {
  if (!keys.some((k) => k in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k)));
}

/**
 * The calendar screen's state: the draft being edited, the server's validation messages placed on
 * its cells, and save. Cell messages show local problems (empty, malformed) once a save was tried,
 * and the server's until the cell is edited. `actions` and (until a save was tried) `errorOf` keep
 * their identity across edits, so the memoised tables re-render only when their own rows change.
 */
export function useCalendarEditor(view: CalendarView) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarDraft>(() => toDraft(view.calendar));
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const save = useSaveWorkCalendar();

  const problems = useMemo(() => (attempted ? localProblems(draft) : NO_PROBLEMS), [attempted, draft]);
  const errorOf = useCallback(
    (key: string): string | undefined => {
      const problem = problems[key];
      return serverErrors[key] ?? (problem ? t(`setup.calendar.problems.${problem}`) : undefined);
    },
    [problems, serverErrors, t],
  );
  /** Keys of cells with a message, for telling which year tab holds one. */
  const errorKeys = useMemo(
    () => new Set([...Object.keys(serverErrors), ...Object.keys(problems)]),
    [serverErrors, problems],
  );

  const actions = useMemo(() => {
    const edit = (next: (d: CalendarDraft) => CalendarDraft, ...clear: string[]) => {
      setDraft(next);
      setDirty(true);
      setServerErrors((e) => without(e, clear));
    };
    return {
      setInterval: (key: string, field: 'start' | 'end', value: string) =>
        edit(
          (d) => ({ ...d, workingHours: d.workingHours.map((r) => (r.key === key ? { ...r, [field]: value } : r)) }),
          `${key}.${field}`,
          'workingHours',
        ),
      addInterval: () => edit((d) => ({ ...d, workingHours: [...d.workingHours, newIntervalRow()] }), 'workingHours'),
      removeInterval: (key: string) =>
        edit((d) => ({ ...d, workingHours: d.workingHours.filter((r) => r.key !== key) }), 'workingHours'),
      setWeekdays: (days: number[]) =>
        edit((d) => ({ ...d, workingWeekdays: [...days].sort((a, b) => a - b) }), 'workingWeekdays'),
      // The row stays under its year's tab while the date is typed; a date of another year is flagged.
      setDatedRow: (list: DatedList, key: string, patch: Partial<Pick<DatedRow, 'date' | 'name'>>) =>
        edit(
          (d) => ({ ...d, [list]: d[list].map((r) => (r.key === key ? { ...r, ...patch } : r)) }),
          ...Object.keys(patch).map((f) => `${key}.${f}`),
          list,
        ),
      addDated: (list: DatedList, year: number, date = '', name = '') =>
        edit((d) => ({ ...d, [list]: [...d[list], newDatedRow(year, date, name)] }), list),
      removeDated: (list: DatedList, key: string) =>
        edit((d) => ({ ...d, [list]: d[list].filter((r) => r.key !== key) }), list),
      /** Drops the date from both lists (the month view's 取消设置). */
      unmarkDate: (date: string) =>
        edit(
          (d) => ({
            ...d,
            holidays: d.holidays.filter((r) => r.date !== date),
            adjustedWorkdays: d.adjustedWorkdays.filter((r) => r.date !== date),
          }),
          'holidays',
          'adjustedWorkdays',
        ),
    };
  }, []);

  const reset = () => {
    setDraft(toDraft(view.calendar));
    setDirty(false);
    setAttempted(false);
    setServerErrors({});
    setGeneral([]);
  };

  /** Saves; when it cannot, `onInvalid` gets the keys of the rows with a message (to show their tab). */
  const submit = (onInvalid: (rowKeys: Set<string>) => void) => {
    setAttempted(true);
    const local = localProblems(draft);
    if (Object.keys(local).length > 0) {
      setGeneral([t('setup.calendar.checkCells')]);
      onInvalid(new Set(Object.keys(local).map((k) => k.split('.')[0] ?? '')));
      return;
    }
    const { calendar, sent } = fromDraft(draft);
    save.mutate(calendar, {
      onSuccess: (saved) => {
        setDraft(toDraft(saved.calendar));
        setDirty(false);
        setAttempted(false);
        setServerErrors({});
        setGeneral([]);
        notifySuccess(t('setup.calendar.saved'));
      },
      onError: (err) => {
        if (!isApiError(err) || !err.details?.length) {
          setGeneral(isApiError(err) && err.status === 400 ? [err.message] : []);
          return notifyError(err);
        }
        const placed = errorsFromDetails(err.details, sent);
        setServerErrors(placed.fields);
        setGeneral(placed.general.length > 0 ? placed.general : [t('setup.calendar.invalid')]);
        onInvalid(new Set(Object.keys(placed.fields).map((k) => k.split('.')[0] ?? '')));
      },
    });
  };

  return { draft, dirty, saving: save.isPending, general, errorOf, errorKeys, reset, submit, actions };
}

export type CalendarEditor = ReturnType<typeof useCalendarEditor>;
export type CalendarActions = CalendarEditor['actions'];
export type ErrorOf = CalendarEditor['errorOf'];
