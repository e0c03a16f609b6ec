import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type ServiceExports } from '../api';
import {
  EXPORTING_SERVICES,
  ExportAboutSomeoneElseError,
  exportFileName,
  gatherExports,
  type ExportingService,
} from '../personal-data-export';
import { Message, useT } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { session } from '../session';
import type { MessageId } from '../i18n/messages';
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
function explained(failure: unknown, gone: string): Error {
  if (failure instanceof ApiError && failure.status === 410) return new Error(gone);
  return asError(failure);
}

const bold = (text: ReactNode[]) => <strong>{text}</strong>;

/** `email`: the subject of the email whose link leads here. */
function MissingToken({ title, email }: { title: string; email: string }) {
  const t = useT();
  return (
    <Page title={title}>
      <div className="card narrow">
        <p className="message error" role="alert">
          {t('emailLink.missing', { email })}
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
  const t = useT();
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <div className="card narrow" role="status">
      <p>
        <Message id="checkEmail.sent" values={{ strong: bold, email }} />
      </p>
      <ErrorMessage error={error} />
      {resent ? (
        <p className="muted">{t('checkEmail.sentAgain')}</p>
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
          {t('checkEmail.sendAgain')}
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
  const t = useT();
  const [token] = useState(linkToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  if (!token) return <MissingToken title={t('confirmEmail.title')} email={t('confirmEmail.title')} />;
  return (
    <Page title={t('confirmEmail.title')}>
      <div className="card narrow">
        <p>{t('confirmEmail.intro')}</p>
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
                setError(explained(failure, t('emailLink.gone', { whatNext: t('confirmEmail.whatNext') })));
              },
            );
          }}
        >
          {t('confirmEmail.submit')}
        </button>
        <p>
          <Link href="/signin">{t('signIn.link')}</Link>
        </p>
      </div>
    </Page>
  );
}

/** "Forgot password": the address, and the same answer whether or not it has an account. */
export function ForgotPasswordPage() {
  const t = useT();
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
      <Page title={t('forgotPassword.title')}>
        <div className="card narrow">
          <p>{t('forgotPassword.byCompany')}</p>
          <p>
            <Link href="/signin">{t('forgotPassword.backToSignIn')}</Link>
          </p>
        </div>
      </Page>
    );
  return (
    <Page title={t('forgotPassword.title')}>
      {sentTo ? (
        <div className="card narrow" role="status">
          <p>
            <Message id="forgotPassword.sent" values={{ strong: bold, email: sentTo }} />
          </p>
          <p>
            <Link href="/signin">{t('forgotPassword.backToSignIn')}</Link>
          </p>
        </div>
      ) : (
        <form className="card narrow" onSubmit={onSubmit}>
          <p>{t('forgotPassword.intro')}</p>
          <label htmlFor="forgot-email">{t('signIn.workEmail')}</label>
          <input id="forgot-email" name="email" type="email" autoComplete="username" required />
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('forgotPassword.submit')}
          </button>
          <p>
            <Link href="/signin">{t('forgotPassword.backToSignIn')}</Link>
          </p>
        </form>
      )}
    </Page>
  );
}

/** Where the "Reset your password" link lands: a new password, set by the button. */
export function ResetPasswordPage() {
  const t = useT();
  const [token] = useState(linkToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  if (!token) return <MissingToken title={t('resetPassword.title')} email={t('forgotPassword.title')} />;

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
    api.resetPassword({ token, password }).then(
      () => {
        // Every session ended with the old password, this browser's too.
        session.signOut();
        setDone(true);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(explained(failure, t('emailLink.gone', { whatNext: t('resetPassword.whatNext') })));
      },
    );
  };

  return (
    <Page title={t('resetPassword.title')}>
      {done ? (
        <div className="card narrow" role="status">
          <p>
            <Message id="resetPassword.done" values={{ strong: bold }} />
          </p>
          <p>
            <Link href="/signin">{t('signIn.link')}</Link>
          </p>
        </div>
      ) : (
        <form className="card narrow" onSubmit={onSubmit}>
          <NewPasswordFields idPrefix="reset" label={t('resetPassword.newPassword')} />
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('resetPassword.submit')}
          </button>
          <p>
            <Link href="/forgot-password">{t('resetPassword.askForNewLink')}</Link>
          </p>
        </form>
      )}
    </Page>
  );
}

type PartProgress = 'gathering' | 'ready' | 'failed';

const PROGRESS_MESSAGES = {
  gathering: 'export.part.gathering',
  ready: 'export.part.ready',
  failed: 'export.part.failed',
} as const satisfies Record<PartProgress, MessageId>;

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
  const t = useT();
  const partLabel = (service: ExportingService) => t(`export.part.${service}`);
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
        throw new Error(
          t('export.partFailed', { part: partLabel(service), reason: asError(failure).message }),
          {
            cause: failure,
          },
        );
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
      setError(
        failure instanceof ExportAboutSomeoneElseError
          ? new Error(t('export.someoneElse', { part: partLabel(failure.service) }), { cause: failure })
          : asError(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="your-data">
      <h2 id="your-data">{t('export.title')}</h2>
      <p>{t('export.intro')}</p>
      {Object.keys(progress).length > 0 && (
        <ul role="status" aria-label={t('export.progress')}>
          {EXPORTING_SERVICES.map((service) => (
            <li key={service}>
              {t(PROGRESS_MESSAGES[progress[service] ?? 'gathering'], { part: partLabel(service) })}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      {savedAs && (
        <p className="muted" role="status">
          <Message id="export.savedAs" values={{ strong: bold, file: savedAs }} />
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
        {t(busy ? 'export.gathering' : error ? 'export.tryAgain' : 'export.download')}
      </button>
    </section>
  );
}

/** The signed-in employee's account: for now, taking their data with them. */
export function AccountPage() {
  const t = useT();
  return (
    <Page title={t('account.title')}>
      <DownloadMyData />
    </Page>
  );
}
