import { useState, type FormEvent } from 'react';
import { api, type EmailCategory, type NotificationPreferences } from '../api';
import { useT } from '../i18n/i18n';
import { asError, ErrorMessage, Loading, Page, useLoad } from '../ui';

/** Every category, in the order the page lists them. */
const CATEGORIES: readonly EmailCategory[] = [
  'reciprocity',
  'recommendation_requests',
  'recommendation_updates',
  'connection_requests',
  'connection_updates',
  'reminders',
];

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const t = useT();
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
        <legend>{t('emailSettings.emailMe')}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="choice">
            <input
              type="checkbox"
              checked={preferences.categories[category]}
              onChange={(e) => toggle(category, e.target.checked)}
            />
            {t(`emailSettings.category.${category}`)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={preferences.unsubscribedAll}>
        <legend>{t('emailSettings.howOften')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="digest"
            checked={preferences.digest === 'off'}
            onChange={() => setPreferences({ ...preferences, digest: 'off' })}
          />
          {t('emailSettings.asItHappens')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="digest"
            checked={preferences.digest === 'daily'}
            onChange={() => setPreferences({ ...preferences, digest: 'daily' })}
          />
          {t('emailSettings.dailyDigest')}
        </label>
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={preferences.unsubscribedAll}
          onChange={(e) => setPreferences({ ...preferences, unsubscribedAll: e.target.checked })}
        />
        {t('emailSettings.noEmails')}
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {t('emailSettings.save')}
        </button>
        <span role="status" className="muted">
          {status === 'saved' ? t('emailSettings.saved') : ''}
        </span>
      </div>
    </form>
  );
}

export function NotificationSettingsPage() {
  const t = useT();
  const preferences = useLoad(api.notificationPreferences, 'preferences');
  return (
    <Page title={t('emailSettings.title')}>
      <Loading loaded={preferences}>{(saved) => <PreferencesForm saved={saved} />}</Loading>
    </Page>
  );
}
