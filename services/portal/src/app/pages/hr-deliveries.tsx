import { useState, type FormEvent } from 'react';
import { api, type Delivery, type DeliveryFilter, type DeliveryStatus, type EmailTemplate } from '../api';
import { asError, ColleagueName, ErrorMessage, Loading, Page, useLoad } from '../ui';

const STATUSES: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  held: 'Held for the digest',
  digested: 'In a digest',
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Withheld',
};

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

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A day picked in the browser (YYYY-MM-DD) as the instant it starts here; `after` moves to the next day's. */
function startOfDay(day: string, after = false): string {
  const start = new Date(`${day}T00:00`);
  if (after) start.setDate(start.getDate() + 1);
  return start.toISOString();
}

function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

interface Form {
  statuses: DeliveryStatus[];
  template: EmailTemplate | '';
  fromDay: string;
  toDay: string;
  recipientId: string;
}

const EMPTY: Form = { statuses: [], template: '', fromDay: '', toDay: '', recipientId: '' };

function filterOf(form: Form): DeliveryFilter {
  return {
    status: form.statuses.length > 0 ? form.statuses : undefined,
    template: form.template || undefined,
    from: form.fromDay ? startOfDay(form.fromDay) : undefined,
    to: form.toDay ? startOfDay(form.toDay, true) : undefined,
    recipientId: form.recipientId.trim() || undefined,
  };
}

/** "Failed today" and "Withheld today": each shows the day's count, and lists them on a click. */
function Today({ onPick }: { onPick: (filter: DeliveryFilter) => void }) {
  const summary = useLoad(() => api.deliverySummary(TIME_ZONE), TIME_ZONE);
  return (
    <Loading loaded={summary}>
      {(day) => (
        <div className="actions" aria-label="Today at a glance">
          {(['failed', 'skipped'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className={day.counts[status] > 0 ? 'danger' : 'secondary'}
              onClick={() => onPick({ status: [status], from: day.from, to: day.to })}
            >
              {status === 'failed' ? 'Failed today' : 'Withheld today'}: {day.counts[status]}
            </button>
          ))}
        </div>
      )}
    </Loading>
  );
}

function Results({ filter }: { filter: DeliveryFilter }) {
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
          <p className="muted">No email matches these filters.</p>
        ) : (
          <>
            <table className="deliveries">
              <thead>
                <tr>
                  <th scope="col">Planned</th>
                  <th scope="col">To</th>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>{formatTime(delivery.createdAt)}</td>
                    <td>
                      <ColleagueName id={delivery.recipientId} />
                    </td>
                    <td>{delivery.template}</td>
                    <td>{STATUSES[delivery.status]}</td>
                    <td>{delivery.lastError ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ErrorMessage error={error} />
            {shown.next && (
              <button type="button" className="secondary" onClick={more}>
                Show older emails
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
  const [form, setForm] = useState<Form>(EMPTY);
  const [filter, setFilter] = useState<DeliveryFilter>({});
  const change = (part: Partial<Form>) => setForm((current) => ({ ...current, ...part }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(filterOf(form));
  };
  return (
    <Page title="Deliveries">
      <Today
        onPick={(picked) => {
          setForm({ ...EMPTY, statuses: picked.status ?? [] });
          setFilter(picked);
        }}
      />
      <form onSubmit={apply} className="filters">
        <fieldset>
          <legend>Status</legend>
          {(Object.keys(STATUSES) as DeliveryStatus[]).map((status) => (
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
              {STATUSES[status]}
            </label>
          ))}
        </fieldset>
        <label htmlFor="delivery-template">Email</label>
        <select
          id="delivery-template"
          value={form.template}
          onChange={(event) => change({ template: event.target.value as EmailTemplate | '' })}
        >
          <option value="">Any</option>
          {TEMPLATES.map((template) => (
            <option key={template} value={template}>
              {template}
            </option>
          ))}
        </select>
        <label htmlFor="delivery-from">From (day)</label>
        <input
          id="delivery-from"
          type="date"
          value={form.fromDay}
          onChange={(event) => change({ fromDay: event.target.value })}
        />
        <label htmlFor="delivery-to">To (day, included)</label>
        <input
          id="delivery-to"
          type="date"
          value={form.toDay}
          min={form.fromDay || undefined}
          onChange={(event) => change({ toDay: event.target.value })}
        />
        <label htmlFor="delivery-recipient">Recipient (employee id)</label>
        <input
          id="delivery-recipient"
          value={form.recipientId}
          onChange={(event) => change({ recipientId: event.target.value })}
        />
        <button type="submit">Apply the filters</button>
      </form>
      <Results filter={filter} />
    </Page>
  );
}
