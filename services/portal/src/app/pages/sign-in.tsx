import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { nextPathAfterSignIn } from '../routes';
import { Link, navigate } from '../router';
import { session } from '../session';
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

export function SignInPage({ next }: { next: string | null }) {
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    const answer = await api.logIn({ email: field(form, 'email'), password: String(form.get('password')) });
    return answer.accessToken;
  }, next);
  return (
    <Page title="Sign in">
      <form className="card narrow" onSubmit={onSubmit}>
        {next && <p className="muted">Sign in to continue to the page you opened.</p>}
        <label htmlFor="sign-in-email">Work email</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
        <p>
          New here? <Link href={otherForm('/signup', next)}>Create your account</Link>
        </p>
      </form>
    </Page>
  );
}

export function SignUpPage({ next }: { next: string | null }) {
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    const title = field(form, 'title');
    const answer = await api.register({
      email: field(form, 'email'),
      password: String(form.get('password')),
      name: field(form, 'name'),
      ...(title ? { title } : {}),
    });
    return answer.accessToken;
  }, next);
  return (
    <Page title="Create your account">
      <form className="card narrow" onSubmit={onSubmit}>
        <label htmlFor="sign-up-name">Full name</label>
        <input id="sign-up-name" name="name" autoComplete="name" required maxLength={100} />
        <label htmlFor="sign-up-email">Work email</label>
        <input id="sign-up-email" name="email" type="email" autoComplete="email" required />
        <label htmlFor="sign-up-password">Password</label>
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
          At least 12 characters; a few words you will remember work well.
        </p>
        <label htmlFor="sign-up-title">Job title (optional)</label>
        <input id="sign-up-title" name="title" autoComplete="organization-title" />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
        <p>
          Already have an account? <Link href={otherForm('/signin', next)}>Sign in</Link>
        </p>
      </form>
    </Page>
  );
}
