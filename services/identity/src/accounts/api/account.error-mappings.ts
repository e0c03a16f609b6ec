import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import {
  AccountLinkNotValidError,
  EmailNotConfirmedError,
  PasswordSignInDisabledError,
} from '../domain/account.errors';

/** How the password accounts' errors are answered over HTTP. */
export const accountErrorMappings: ErrorMapping[] = [
  { error: AccountLinkNotValidError, status: HttpStatus.GONE, title: 'Link no longer valid' },
  { error: EmailNotConfirmedError, status: HttpStatus.FORBIDDEN, title: 'Email not confirmed' },
  // As if the routes did not exist: this company signs in through its identity provider.
  { error: PasswordSignInDisabledError, status: HttpStatus.NOT_FOUND, title: 'Password sign-in disabled' },
];
