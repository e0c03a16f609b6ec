import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { api, type Delivery, type DeliveryFilter, type DeliveryStatus, type EmailTemplate } from '../api';
import { startOfDayIn } from '../day-in-zone';
import { waitingUntil } from '../delivery-wait';
import { useDates, useT } from '../i18n/i18n';
import {
  asError,
  ColleagueName,
  ErrorMessage,
  Loading,
  Page,
  PAGE_TITLE_ID,
  SidewaysScrollBox,
  useLoad,
} from '../ui';

/** Written as an object so that a status the API adds fails to compile until listed. */
const STATUSES = Object.keys({
  pending: true,
  held: true,
  digested: true,
  sent: true,
  failed: true,
  skipped: true,
} satisfies Record<DeliveryStatus, true>) as DeliveryStatus[];

/** Written as an object so that a template the API adds fails to compile until listed. */
const TEMPLATES = Object.keys({
  'reciprocity-nudge': true,
  'recommendation-received': true,
  'favour-returned': true,
  'recommendation-requested': true,
  'connection-requested': true,
  'connection-accepted': true,
  'recommendation-accepted': true,
  'revision-requested': true,
  'request-reminder': true,
  invitation: true,
  'recommendation-taken-down': true,
  'daily-digest': true,
} satisfies Record<EmailTemplate, true>) as EmailTemplate[];

function isTemplate(value: string): value is EmailTemplate {
  return (TEMPLATES as readonly string[]).includes(value);
}

/** The reader's time zone (their profile's, else the browser's): days and times on this page are theirs. */
function useTimeZone(): string {
  return useIntl().timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface Form {
  statuses: DeliveryStatus[];
  template: EmailTemplate | '';
  fromDay: string;
  toDay: string;
  recipientId: string;
}

const EMPTY: Form = { statuses: [], template: '', fromDay: '', toDay: '', recipientId: '' };

function filterOf(form: Form, timeZone: string): DeliveryFilter {
  return {
    status: form.statuses.length > 0 ? form.statuses : undefined,
    template: form.template || undefined,
    from: form.fromDay ? startOfDayIn(form.fromDay, timeZone) : undefined,
    to: form.toDay ? startOfDayIn(form.toDay, timeZone, true) : undefined,
    recipientId: form.recipientId.trim() || undefined,
  };
}

/** "Failed today" and "Withheld today": each shows the day's count, and lists them on a click. */
function Today({ onPick }: { onPick: (filter: DeliveryFilter) => void }) {
  const t = useT();
  const timeZone = useTimeZone();
  const summary = useLoad(() => api.deliverySummary(timeZone), timeZone);
  return (
    <Loading loaded={summary}>
      {(day) => (
        <div className="actions" aria-label={t('hr.deliveries.today')}>
          {(['failed', 'skipped'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className={day.counts[status] > 0 ? 'danger' : 'secondary'}
              onClick={() => onPick({ status: [status], from: day.from, to: day.to })}
            >
              {t(status === 'failed' ? 'hr.deliveries.failedToday' : 'hr.deliveries.withheldToday', {
                count: day.counts[status],
              })}
            </button>
          ))}
        </div>
      )}
    </Loading>
  );
}

function Results({ filter }: { filter: DeliveryFilter }) {
  const t = useT();
  const dates = useDates();
  const [pages, setPages] = useState<{ key: string; items: Delivery[]; next: string | null }>();
  const [error, setError] = useState<Error>();
  const key = JSON.stringify(filter);
  const first = useLoad(() => api.deliveries(filter), key);
  const shown =
    pages?.key === key ? pages : first.data && { key, items: first.data.items, next: first.data.nextCursor };
  const more = () => {
    if (!shown?.next) return;
    api.deliveries({ ...filter, cursor: shown.next }).then(
      (page) => setPages({ key, items: [...shown.items, ...page.items], next: page.nextCursor }),
      (failure: unknown) => setError(asError(failure)),
    );
  };
  return (
    <Loading loaded={first}>
      {() =>
        !shown || shown.items.length === 0 ? (
          <p className="muted">{t('hr.deliveries.noMatch')}</p>
        ) : (
          <>
            <SidewaysScrollBox labelledBy={PAGE_TITLE_ID}>
              <table className="deliveries">
                <thead>
                  <tr>
                    <th scope="col">{t('hr.deliveries.column.planned')}</th>
                    <th scope="col">{t('hr.deliveries.column.to')}</th>
                    <th scope="col">{t('hr.deliveries.column.email')}</th>
                    <th scope="col">{t('hr.deliveries.column.status')}</th>
                    <th scope="col">{t('hr.deliveries.column.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.items.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>{dates.dateTime(delivery.createdAt)}</td>
                      <td>
                        <ColleagueName id={delivery.recipientId} />
                      </td>
                      <td>
                        {/* A template newer than this page: its name as notifications gives it. */}
                        {isTemplate(delivery.template)
                          ? t(`hr.deliveries.template.${delivery.template}`)
                          : delivery.template}
                      </td>
                      <td>
                        {waitingUntil(delivery, new Date()) === null
                          ? t(`hr.deliveries.status.${delivery.status}`)
                          : t('hr.deliveries.waitingUntil', { time: dates.dateTime(delivery.dueAt) })}
                      </td>
                      <td>{delivery.lastError ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </SidewaysScrollBox>
            <ErrorMessage error={error} />
            {shown.next && (
              <button type="button" className="secondary" onClick={more}>
                {t('hr.deliveries.older')}
              </button>
            )}
          </>
        )
      }
    </Loading>
  );
}

/** HR's delivery log: every email, filtered, each failure or withholding with its reason. */
export function HrDeliveriesPage() {
  const t = useT();
  const timeZone = useTimeZone();
  const [form, setForm] = useState<Form>(EMPTY);
  const [filter, setFilter] = useState<DeliveryFilter>({});
  const change = (part: Partial<Form>) => setForm((current) => ({ ...current, ...part }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(filterOf(form, timeZone));
  };
  return (
    <Page title={t('hr.deliveries.title')}>
      <Today
        onPick={(picked) => {
          setForm({ ...EMPTY, statuses: picked.status ?? [] });
          setFilter(picked);
        }}
      />
      <form onSubmit={apply} className="filters">
        <fieldset>
          <legend>{t('hr.deliveries.column.status')}</legend>
          {STATUSES.map((status) => (
            <label key={status} className="checkbox">
              <input
                type="checkbox"
                checked={form.statuses.includes(status)}
                onChange={(event) =>
                  change({
                    statuses: event.target.checked
                      ? [...form.statuses, status]
                      : form.statuses.filter((chosen) => chosen !== status),
                  })
                }
              />
              {t(`hr.deliveries.status.${status}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="delivery-template">{t('hr.deliveries.column.email')}</label>
        <select
          id="delivery-template"
          value={form.template}
          onChange={(event) => change({ template: event.target.value as EmailTemplate | '' })}
        >
          <option value="">{t('hr.deliveries.filter.any')}</option>
          {TEMPLATES.map((template) => (
            <option key={template} value={template}>
              {t(`hr.deliveries.template.${template}`)}
            </option>
          ))}
        </select>
        <label htmlFor="delivery-from">{t('hr.deliveries.filter.from')}</label>
        <input
          id="delivery-from"
          type="date"
          value={form.fromDay}
          onChange={(event) => change({ fromDay: event.target.value })}
        />
        <label htmlFor="delivery-to">{t('hr.deliveries.filter.to')}</label>
        <input
          id="delivery-to"
          type="date"
          value={form.toDay}
          min={form.fromDay || undefined}
          onChange={(event) => change({ toDay: event.target.value })}
        />
        <label htmlFor="delivery-recipient">{t('hr.deliveries.filter.recipient')}</label>
        <input
          id="delivery-recipient"
          value={form.recipientId}
          onChange={(event) => change({ recipientId: event.target.value })}
        />
        <button type="submit">{t('hr.deliveries.filter.apply')}</button>
      </form>
      <Results filter={filter} />
    </Page>
  );
}
