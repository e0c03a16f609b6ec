import { ValidateBy, type ValidationOptions } from 'class-validator';

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same, but for tab and the line breaks (CR, LF) that multi-line text is made of. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Text shown on one line (a name, a title): no line breaks nor other control characters, which
 * would otherwise be stored as given and could break the line in an email header or a page.
 * Values that are not text are left to `@IsString()`.
 */
export function SingleLineText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'singleLineText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !ANY_CONTROL.test(value),
        defaultMessage: () => '$property must be one line without control characters',
      },
    },
    options,
  );
}

/** Text written in lines (a summary, a message): line breaks and tabs, and no other control characters. */
export function MultiLineText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'multiLineText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL_BUT_LINE_BREAKS.test(value),
        defaultMessage: () => '$property must not contain control characters other than line breaks and tabs',
      },
    },
    options,
  );
}
