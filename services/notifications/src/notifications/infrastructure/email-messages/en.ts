/**
 * The notification emails in English: ICU messages (https://formatjs.github.io/docs/core-concepts/icu-syntax),
 * the catalog every other language has the same keys and arguments as. `{name}` is the other person,
 * `{relationship}` one of the `relationship.*` words.
 */
export const en = {
  'relationship.supervisor': 'supervisor',
  'relationship.coworker': 'coworker',
  'relationship.subordinate': 'direct report',

  'recommendation.show': 'Show the recommendation',
  'recommendation.writeBack': 'Recommend {name}',
  'request.write': 'Write the recommendation',

  'reciprocity-nudge.subject': '{name} recommended you',
  'reciprocity-nudge.thank': 'The easiest way to thank {name} is to write one back.',

  'recommendation-received.subject': '{name} recommended you',

  'favour-returned.subject': '{name} returned the favour',
  'favour-returned.intro': '{name} returned the favour and recommended you.',

  'recommendation-requested.subject': '{name} asks you for a recommendation',
  'recommendation-requested.as': '{name} asks you for a recommendation, as their {relationship}.',
  'recommendation-requested.alreadyRecommended': '{name} already recommended you.',

  'connection-requested.subject': '{name} wants to connect',
  'connection-requested.intro': '{name} wants to connect with you.',
  'connection-requested.answer': 'Answer',

  'connection-accepted.subject': 'You are connected with {name}',
  'connection-accepted.giveFirst':
    'Write {name} a recommendation? Giving first is the surest way to receive one.',

  'recommendation-accepted.subject': '{name} accepted your recommendation',
  'recommendation-accepted.onProfile': 'It is on their profile now.',
  'recommendation-accepted.show': 'Show it',

  'revision-requested.subject': '{name} asks you to change your recommendation',
  'revision-requested.intro': '{name} asks you to change your recommendation:',
  'revision-requested.revise': 'Revise it',

  'request-reminder.subject': '{name} is still hoping for your recommendation',
  'request-reminder.intro':
    'A gentle reminder: {name} asked you, as their {relationship}, for a recommendation a while ago.',

  'invitation.subject': "You're invited to Vouch — set up your sign-in",
  'invitation.heading': "You're invited to Vouch",
  'invitation.intro':
    'Vouch is where you and your colleagues recommend each other. {companyName} has added you: choose a password to sign in with your work email.',
  'invitation.setUp': 'Set up your sign-in',
  'invitation.expiry':
    'The link works once, until {expiresAt, date, long} at {expiresAt, time, zone}. Once it has expired, ask your Vouch admin for a new invitation.',
  'invitation.notExpected': 'Not expecting this? You can ignore this email.',

  'recommendation-taken-down.subject.toAuthor': 'Your recommendation of {name} was taken down',
  'recommendation-taken-down.subject.toSubject': '{name}’s recommendation of you was taken down',
  'recommendation-taken-down.why.toAuthor':
    'Your HR team took it down. It no longer shows anywhere in Vouch. Their reason:',
  'recommendation-taken-down.why.toSubject':
    'Your HR team took it down. It no longer shows on your profile or anywhere else in Vouch. Their reason:',
  'recommendation-taken-down.questions': 'Questions about it? Ask your HR team.',
  'recommendation-taken-down.recommendations': 'Your recommendations',

  'daily-digest.subject': 'Your Vouch digest: {count, plural, one {# update} other {# updates}}',
  'daily-digest.heading': 'Your Vouch digest',
  'daily-digest.intro': 'What happened since your last digest:',
};

export type NotificationMessage = keyof typeof en;
