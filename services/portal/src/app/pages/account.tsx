import { useState, type FormEvent } from 'react';
import { api, ApiError, type ServiceExports } from '../api';
import {
  EXPORTING_SERVICES,
  exportFileName,
  gatherExports,
  type ExportingService,
} from '../personal-data-export';
import { Link, navigate } from '../router';
import { session } from '../session';
import { asError, ErrorMessage, NewPasswordFields, Page } from '../ui';
import { useAuthMethods } from './company-sign-in';

/**
 * The token of an account email's link (`/confirm-email#token=…`, `/reset-password#token=…`). It is
 * after the `#`, so it never reaches a server's logs nor another site as a Referer.
 */
function linkToken(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/** A link that no longer works, said so that its owner knows what to do next. */
function explained(failure: unknown, askAgain: string): Error {
  if (failure instanceof ApiError && failure.status === 410)
    return new Error(
      `This link no longer works: it was used already, it expired, or a newer email replaced it. ${askAgain}`,
    );
  return asError(failure);
}

function MissingToken({ title, email }: { title: string; email: string }) {
  return (
    <Page title={title}>
      <div className="card narrow">
        <p className="message error" role="alert">
          This page needs the whole link from the “{email}” email. Open the email and follow its link again.
        </p>
      </div>
    </Page>
  );
}

/**
 * "Check your email", and a way to have the confirmation email sent again: after signing up, and
 * after signing in with an address not confirmed yet.
 */
export function CheckYourEmail({ email }: { email: string }) {
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <div className="card narrow" role="status">
      <p>
        <strong>Check your email.</strong> We sent a link to <strong>{email}</strong>: follow it to confirm
        your address and finish signing up. If you already have an account, the email says how to sign in
        instead.
      </p>
      <ErrorMessage error={error} />
      {resent ? (
        <p className="muted">Sent again. It can take a minute; check your spam folder too.</p>
      ) : (
        <button
          type="button"
          onClick={() => {
            setError(undefined);
            api.resendEmailConfirmation(email).then(
              () => setResent(true),
              (failure: unknown) => setError(asError(failure)),
            );
          }}
        >
          Send the email again
        </button>
      )}
    </div>
  );
}

/**
 * Where the "Confirm your email" link lands. Opening it confirms nothing (mail scanners open links
 * too): the button does, and signs in.
 */
export function ConfirmEmailPage() {
  const [token] = useState(linkToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  if (!token) return <MissingToken title="Confirm your email" email="Confirm your email" />;
  return (
    <Page title="Confirm your email">
      <div className="card narrow">
        <p>Confirm that this email address is yours to finish signing up for Vouch.</p>
        <ErrorMessage error={error} />
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(undefined);
            api.confirmEmail(token).then(
              (answer) => {
                session.signIn(answer.accessToken);
                navigate('/profile', { replace: true });
              },
              (failure: unknown) => {
                setBusy(false);
                setError(
                  explained(
                    failure,
                    'Sign in with your email and password: if it is not confirmed yet, you can have the email sent again.',
                  ),
                );
              },
            );
          }}
        >
          Confirm my email
        </button>
        <p>
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    </Page>
  );
}

/** "Forgot password": the address, and the same answer whether or not it has an account. */
export function ForgotPasswordPage() {
  const methods = useAuthMethods();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    setError(undefined);
    api.requestPasswordReset(email).then(
      () => setSentTo(email),
      (failure: unknown) => {
        setBusy(false);
        setError(asError(failure));
      },
    );
  };

  if (methods?.password === false)
    return (
      <Page title="Reset your password">
        <div className="card narrow">
          <p>You sign in with your company account here: your company resets its password.</p>
          <p>
            <Link href="/signin">Back to sign in</Link>
          </p>
        </div>
      </Page>
    );
  return (
    <Page title="Reset your password">
      {sentTo ? (
        <div className="card narrow" role="status">
          <p>
            <strong>Check your email.</strong> If <strong>{sentTo}</strong> has a Vouch account, a link to
            choose a new password is on its way. It works once, for a short while.
          </p>
          <p>
            <Link href="/signin">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <form className="card narrow" onSubmit={onSubmit}>
          <p>Enter your work email: we will send you a link to choose a new password.</p>
          <label htmlFor="forgot-email">Work email</label>
          <input id="forgot-email" name="email" type="email" autoComplete="username" required />
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            Send me a link
          </button>
          <p>
            <Link href="/signin">Back to sign in</Link>
          </p>
        </form>
      )}
    </Page>
  );
}

/** Where the "Reset your password" link lands: a new password, set by the button. */
export function ResetPasswordPage() {
  const [token] = useState(linkToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  if (!token) return <MissingToken title="Choose a new password" email="Reset your password" />;

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
    api.resetPassword({ token, password }).then(
      () => {
        // Every session ended with the old password, this browser's too.
        session.signOut();
        setDone(true);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(explained(failure, 'Ask for a new one.'));
      },
    );
  };

  return (
    <Page title="Choose a new password">
      {done ? (
        <div className="card narrow" role="status">
          <p>
            <strong>Your password is changed.</strong> You were signed out everywhere: sign in with the new
            one.
          </p>
          <p>
            <Link href="/signin">Sign in</Link>
          </p>
        </div>
      ) : (
        <form className="card narrow" onSubmit={onSubmit}>
          <NewPasswordFields idPrefix="reset" label="New password" />
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            Set my new password
          </button>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </form>
      )}
    </Page>
  );
}

type PartProgress = 'gathering' | 'ready' | 'failed';

const PART_LABELS: Record<ExportingService, string> = {
  identity: 'Profile, sign-in and account',
  connections: 'Connections',
  recommendations: 'Recommendations and requests',
  notifications: 'Email preferences and emails sent to you',
};

/** Hands the browser a file to save, as a download, without sending it anywhere. */
function saveFile(name: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over: revoking at once may cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Gathers each service's export of my data into one JSON file and saves it, saying how far it got. */
function DownloadMyData() {
  const [progress, setProgress] = useState<Partial<Record<ExportingService, PartProgress>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [savedAs, setSavedAs] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    setSavedAs(undefined);
    setProgress(Object.fromEntries(EXPORTING_SERVICES.map((service) => [service, 'gathering'])));
    const fetchPart = async <TService extends ExportingService>(service: TService) => {
      try {
        const part = await api.personalDataExport(service);
        setProgress((now) => ({ ...now, [service]: 'ready' }));
        return part;
      } catch (failure) {
        setProgress((now) => ({ ...now, [service]: 'failed' }));
        throw new Error(`${PART_LABELS[service]} could not be gathered: ${asError(failure).message}`, {
          cause: failure,
        });
      }
    };
    try {
      const [identity, connections, recommendations, notifications] = await Promise.all([
        fetchPart('identity'),
        fetchPart('connections'),
        fetchPart('recommendations'),
        fetchPart('notifications'),
      ]);
      const parts: ServiceExports = { identity, connections, recommendations, notifications };
      const now = new Date();
      const name = exportFileName(now);
      saveFile(name, JSON.stringify(gatherExports(parts, now), null, 2));
      setSavedAs(name);
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="your-data">
      <h2 id="your-data">Your data</h2>
      <p>
        Download everything Vouch holds about you, in one JSON file: your profile and sign-in, your
        connections, the recommendations you gave and received with every version of their text, your
        requests, your email preferences and the emails sent to you.
      </p>
      {Object.keys(progress).length > 0 && (
        <ul role="status" aria-label="Download progress">
          {EXPORTING_SERVICES.map((service) => (
            <li key={service}>
              {PART_LABELS[service]}:{' '}
              {progress[service] === 'ready'
                ? 'ready'
                : progress[service] === 'failed'
                  ? 'failed'
                  : 'gathering…'}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      {savedAs && (
        <p className="muted" role="status">
          Saved as <strong>{savedAs}</strong>. It holds personal data: keep it somewhere safe.
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
        {busy ? 'Gathering your data…' : error ? 'Try again' : 'Download my data'}
      </button>
    </section>
  );
}

/** The signed-in employee's account: for now, taking their data with them. */
export function AccountPage() {
  return (
    <Page title="Your account">
      <DownloadMyData />
    </Page>
  );
}
