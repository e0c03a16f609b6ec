import { useState, type FormEvent } from 'react';
import { api, type EmailCategory, type NotificationPreferences } from '../api';
import { asError, ErrorMessage, Loading, Page, useLoad } from '../ui';

/** Every category, in the order the page lists them. */
const CATEGORY_LABELS: Record<EmailCategory, string> = {
  reciprocity: 'When someone recommends me (the first time, with a nudge to write one back)',
  recommendation_requests: 'When someone asks me for a recommendation',
  recommendation_updates: 'When a recommendation I wrote is accepted or needs a revision',
  connection_requests: 'When someone asks to connect',
  connection_updates: 'When someone accepts my connection request',
  reminders: 'A gentle reminder of a request still waiting for me',
};
const CATEGORIES = Object.keys(CATEGORY_LABELS) as EmailCategory[];

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [preferences, setPreferences] = useState(saved);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<Error>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    setStatus('saving');
    setError(undefined);
    api.saveNotificationPreferences(preferences).then(
      (answer) => {
        setPreferences(answer);
        setStatus('saved');
      },
      (failure: unknown) => {
        setStatus('idle');
        setError(asError(failure));
      },
    );
  };
  const toggle = (category: EmailCategory, on: boolean) =>
    setPreferences({ ...preferences, categories: { ...preferences.categories, [category]: on } });

  return (
    <form className="card" onSubmit={save}>
      <fieldset disabled={preferences.unsubscribedAll}>
        <legend>Email me</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="choice">
            <input
              type="checkbox"
              checked={preferences.categories[category]}
              onChange={(e) => toggle(category, e.target.checked)}
            />
            {CATEGORY_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={preferences.unsubscribedAll}>
        <legend>How often</legend>
        <label className="choice">
          <input
            type="radio"
            name="digest"
            checked={preferences.digest === 'off'}
            onChange={() => setPreferences({ ...preferences, digest: 'off' })}
          />
          As it happens
        </label>
        <label className="choice">
          <input
            type="radio"
            name="digest"
            checked={preferences.digest === 'daily'}
            onChange={() => setPreferences({ ...preferences, digest: 'daily' })}
          />
          One daily digest
        </label>
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={preferences.unsubscribedAll}
          onChange={(e) => setPreferences({ ...preferences, unsubscribedAll: e.target.checked })}
        />
        No emails at all
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          Save preferences
        </button>
        <span role="status" className="muted">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}

export function NotificationSettingsPage() {
  const preferences = useLoad(api.notificationPreferences, 'preferences');
  return (
    <Page title="Email preferences">
      <Loading loaded={preferences}>{(saved) => <PreferencesForm saved={saved} />}</Loading>
    </Page>
  );
}
