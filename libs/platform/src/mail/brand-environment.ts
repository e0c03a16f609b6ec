import { z } from 'zod';
import { SUPPORTED_EMAIL_LANGUAGES, type EmailLanguage } from '../i18n/email-languages';
import type { EmailBrand } from './email-kit';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** WCAG's minimum contrast for normal text: a button's white label on BRAND_COLOR. */
export const MIN_BUTTON_CONTRAST = 4.5;

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * How the emails look and which language they default to, the same in every service that sends
 * email (notifications, and identity for the account emails). docs/operations.md, "Brand and
 * languages".
 */
export const brandEnvironment = z.object({
  /** The company, as the emails name it (footer, logo's alt text). */
  COMPANY_NAME: z.string().trim().min(1, 'COMPANY_NAME must not be blank').max(100).default('Vouch'),
  /** The logo shown at the top of every email: https in production (mail clients block the rest). */
  COMPANY_LOGO_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  /** The logo's size as shown, in CSS pixels (serve the image at twice that for sharp screens). */
  COMPANY_LOGO_WIDTH: z.coerce.number().int().min(1).max(560).default(120),
  COMPANY_LOGO_HEIGHT: z.coerce.number().int().min(1).max(200).default(40),
  /** Buttons and accents, #rrggbb; white button text on it must keep a 4.5:1 contrast. */
  BRAND_COLOR: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'BRAND_COLOR is a colour as #rrggbb, e.g. #4f46e5')
    .transform((color) => color.toLowerCase())
    .superRefine((color, context) => {
      const contrast = contrastRatio(color, '#ffffff');
      if (contrast < MIN_BUTTON_CONTRAST)
        context.addIssue({
          code: 'custom',
          message: `BRAND_COLOR ${color} is too light: white button text on it has a contrast of ${contrast.toFixed(2)}:1, below the ${MIN_BUTTON_CONTRAST}:1 people need to read it; choose a darker shade`,
        });
    })
    .default('#4f46e5'),
  /** The language of emails to people whose own language is unknown or not one Vouch writes in. */
  DEFAULT_LANGUAGE: z
    .enum(SUPPORTED_EMAIL_LANGUAGES, { error: `one of ${SUPPORTED_EMAIL_LANGUAGES.join(', ')}` })
    .default('en'),
});
export type BrandEnvironment = z.infer<typeof brandEnvironment>;

/** Refinement: the logo is fetched by every reader's mail client, so over https in production. */
export const brandLogoSecureInProduction: [
  (environment: { NODE_ENV?: string | undefined; COMPANY_LOGO_URL?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (environment) =>
    environment.NODE_ENV !== 'production' ||
    environment.COMPANY_LOGO_URL === undefined ||
    environment.COMPANY_LOGO_URL.startsWith('https://'),
  {
    message: 'COMPANY_LOGO_URL must be https in production: mail clients block or warn about other images',
    path: ['COMPANY_LOGO_URL'],
  },
];

/** The brand and default language, resolved from the environment. */
export interface EmailLook {
  brand: EmailBrand;
  defaultLanguage: EmailLanguage;
}

export function emailLookOf(environment: BrandEnvironment): EmailLook {
  return {
    brand: {
      companyName: environment.COMPANY_NAME,
      logo: environment.COMPANY_LOGO_URL
        ? {
            url: environment.COMPANY_LOGO_URL,
            width: environment.COMPANY_LOGO_WIDTH,
            height: environment.COMPANY_LOGO_HEIGHT,
          }
        : null,
      color: environment.BRAND_COLOR,
    },
    defaultLanguage: environment.DEFAULT_LANGUAGE,
  };
}
