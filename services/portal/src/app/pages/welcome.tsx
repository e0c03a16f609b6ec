import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { Link, navigate } from '../router';
import { Message, useT } from '../i18n/i18n';
import { session } from '../session';
import { asError, ErrorMessage, NewPasswordFields, Page } from '../ui';

/** What went wrong with an invitation link, said so that the invited know what to do next. */
function explained(failure: unknown, t: ReturnType<typeof useT>): Error {
  if (!(failure instanceof ApiError)) return asError(failure);
  switch (failure.status) {
    case 410:
      // Expired, or replaced by a newer invitation: the detail says which, and what to do.
      return new Error(t('welcome.expired', { reason: failure.message }));
    case 409:
      return new Error(t('welcome.used'));
    case 401:
      return new Error(t('welcome.invalid'));
    case 403:
      return new Error(t('welcome.deactivated'));
    default:
      return failure;
  }
}

const toSignIn = (text: ReactNode[]) => <Link href="/signin">{text}</Link>;

/**
 * Where the invitation email's link lands (`/welcome?invitation=&token=`): the invited employee
 * chooses their password, and is signed in.
 */
export function WelcomePage({ invitationId, token }: { invitationId: string | null; token: string | null }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);

  if (!invitationId || !token)
    return (
      <Page title={t('welcome.missingLink.title')}>
        <div className="card narrow">
          <p className="message error" role="alert">
            {t('welcome.missingLink.body')}
          </p>
          <p>
            <Message id="welcome.alreadySet" values={{ link: toSignIn }} />
          </p>
        </div>
      </Page>
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirmation') ?? '')) {
      setError(new Error(t('newPassword.mismatch')));
      return;
    }
    setBusy(true);
    setError(undefined);
    api.acceptInvitation({ invitationId, token, password }).then(
      (answer) => {
        setDone(true);
        session.signIn(answer.accessToken);
        navigate('/profile', { replace: true });
      },
      (failure: unknown) => {
        setBusy(false);
        setError(explained(failure, t));
      },
    );
  };

  return (
    <Page title={t('welcome.title')}>
      <form className="card narrow" onSubmit={onSubmit}>
        <p>{t('welcome.intro')}</p>
        <NewPasswordFields idPrefix="welcome" label={t('signIn.password')} />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || done}>
          {t('welcome.submit')}
        </button>
        <p>
          <Message id="welcome.alreadySet" values={{ link: toSignIn }} />
        </p>
      </form>
    </Page>
  );
}
