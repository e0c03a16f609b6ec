import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { Link, navigate } from '../router';
import { session } from '../session';
import { asError, ErrorMessage, NewPasswordFields, Page } from '../ui';

/** What went wrong with an invitation link, said so that the invited know what to do next. */
function explained(failure: unknown): Error {
  if (!(failure instanceof ApiError)) return asError(failure);
  switch (failure.status) {
    case 410:
      // Expired, or replaced by a newer invitation: the detail says which, and what to do.
      return new Error(`This invitation link no longer works: ${failure.message}.`);
    case 409:
      return new Error(
        'This invitation link was already used to set your password. Sign in with that password.',
      );
    case 401:
      return new Error(
        'This invitation link is not valid. Open it again from the invitation email (the whole link), ' +
          'or ask your Vouch admin to send you a new one.',
      );
    case 403:
      return new Error('Your account is deactivated: ask your Vouch admin.');
    default:
      return failure;
  }
}

/**
 * Where the invitation email's link lands (`/welcome?invitation=&token=`): the invited employee
 * chooses their password, and is signed in.
 */
export function WelcomePage({ invitationId, token }: { invitationId: string | null; token: string | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);

  if (!invitationId || !token)
    return (
      <Page title="Set up your sign-in">
        <div className="card narrow">
          <p className="message error" role="alert">
            This page needs the whole link from your invitation email. Open the email and follow its link
            again.
          </p>
          <p>
            Already set your password? <Link href="/signin">Sign in</Link>
          </p>
        </div>
      </Page>
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirmation') ?? '')) {
      setError(new Error('The two passwords differ: type the same one twice.'));
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
        setError(explained(failure));
      },
    );
  };

  return (
    <Page title="Welcome to Vouch">
      <form className="card narrow" onSubmit={onSubmit}>
        <p>Choose a password: you will sign in with it and your work email.</p>
        <NewPasswordFields idPrefix="welcome" label="Password" />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || done}>
          Set my password and sign in
        </button>
        <p>
          Already set your password? <Link href="/signin">Sign in</Link>
        </p>
      </form>
    </Page>
  );
}
