import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { nextPathAfterSignIn } from '../routes';
import { Link, navigate } from '../router';
import { session } from '../session';
import { CheckYourEmail } from './account';
import { CompanySignIn, useAuthMethods } from './company-sign-in';
import { Message, useT } from '../i18n/i18n';
import { asError, ErrorMessage, Page } from '../ui';

function useSubmit(submit: (form: FormData) => Promise<string>, next: string | null) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    submit(new FormData(event.currentTarget)).then(
      (accessToken) => {
        session.signIn(accessToken);
        navigate(nextPathAfterSignIn(next), { replace: true });
      },
      (failure: unknown) => {
        setBusy(false);
        setError(asError(failure));
      },
    );
  };
  return { busy, error, onSubmit };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Where the other form is, keeping the page an email link was going to. */
const otherForm = (path: string, next: string | null) =>
  next ? `${path}?next=${encodeURIComponent(next)}` : path;

/** A message's `<link>…</link>` as a link to `href`. */
const linkTo = (href: string) => (text: ReactNode[]) => <Link href={href}>{text}</Link>;

export function SignInPage({ next, refusal }: { next: string | null; refusal: string | null }) {
  const t = useT();
  const methods = useAuthMethods();
  const [unconfirmed, setUnconfirmed] = useState<string>();
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    const email = field(form, 'email');
    try {
      const answer = await api.logIn({ email, password: String(form.get('password')) });
      return answer.accessToken;
    } catch (failure: unknown) {
      // Only the right password hears this: the address is not confirmed yet.
      if (failure instanceof ApiError && failure.status === 403) {
        setUnconfirmed(email);
        throw new Error(t('signIn.unconfirmed'), { cause: failure });
      }
      throw failure;
    }
  }, next);
  return (
    <Page title={t('signIn.title')}>
      {next && <p className="muted">{t('signIn.toContinue')}</p>}
      <CompanySignIn methods={methods} next={next} error={refusal} />
      {methods?.password !== false && (
        <form className="card narrow" onSubmit={onSubmit}>
          <label htmlFor="sign-in-email">{t('signIn.workEmail')}</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
          <label htmlFor="sign-in-password">{t('signIn.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
          <p>
            <Link href="/forgot-password">{t('signIn.forgotPassword')}</Link>
          </p>
          <p>
            <Message id="signIn.newHere" values={{ link: linkTo(otherForm('/signup', next)) }} />
          </p>
        </form>
      )}
      {unconfirmed && <CheckYourEmail key={unconfirmed} email={unconfirmed} />}
    </Page>
  );
}

export function SignUpPage({ next }: { next: string | null }) {
  const t = useT();
  const methods = useAuthMethods();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [sentTo, setSentTo] = useState<string>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = field(form, 'title');
    const email = field(form, 'email');
    setBusy(true);
    setError(undefined);
    // The same answer whether or not the address has an account: the email says what comes next.
    api
      .register({
        email,
        password: String(form.get('password')),
        name: field(form, 'name'),
        ...(title ? { title } : {}),
      })
      .then(
        () => setSentTo(email),
        (failure: unknown) => {
          setBusy(false);
          setError(asError(failure));
        },
      );
  };
  if (methods?.password === false)
    return (
      <Page title={t('signUp.title')}>
        <div className="card narrow">
          <p>{t('signUp.byCompany')}</p>
          <p>
            <Link href={otherForm('/signin', next)}>{t('signIn.link')}</Link>
          </p>
        </div>
      </Page>
    );
  if (sentTo)
    return (
      <Page title={t('signUp.title')}>
        <CheckYourEmail email={sentTo} />
      </Page>
    );
  return (
    <Page title={t('signUp.title')}>
      <form className="card narrow" onSubmit={onSubmit}>
        <label htmlFor="sign-up-name">{t('signUp.fullName')}</label>
        <input id="sign-up-name" name="name" autoComplete="name" required maxLength={100} />
        <label htmlFor="sign-up-email">{t('signIn.workEmail')}</label>
        <input id="sign-up-email" name="email" type="email" autoComplete="email" required />
        <label htmlFor="sign-up-password">{t('signIn.password')}</label>
        <input
          id="sign-up-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-describedby="sign-up-password-hint"
        />
        <p id="sign-up-password-hint" className="hint">
          {t('password.hint')}
        </p>
        <label htmlFor="sign-up-title">{t('signUp.jobTitle')}</label>
        <input id="sign-up-title" name="title" autoComplete="organization-title" />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signUp.submit')}
        </button>
        <p>
          <Message id="signUp.haveAccount" values={{ link: linkTo(otherForm('/signin', next)) }} />
        </p>
      </form>
    </Page>
  );
}
