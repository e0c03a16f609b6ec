import { LanguageTag, ManagerSource } from '../../vocabulary';

/*
 * Fields several of identity's events carry alike, described once. Both were added within v1 of
 * the events that have them, so older events lack them.
 */

export const managerSourceField = ManagerSource.nullable()
  .optional()
  .meta({
    description:
      'Who set the manager link: `scim`, `csv` or `admin`; null without a manager or for a link ' +
      'self-declared at sign-up, which verifies nothing. Added within v1: older events lack it.',
  });

export const languageField = LanguageTag.nullable().optional().meta({
  description:
    'BCP 47 language the employee reads emails in, when known. Added within v1: older events lack it.',
});
