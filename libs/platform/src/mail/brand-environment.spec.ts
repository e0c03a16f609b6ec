import { z } from 'zod';
import {
  brandEnvironment,
  brandLogoSecureInProduction,
  contrastRatio,
  emailLookOf,
} from './brand-environment';

const schema = brandEnvironment
  .extend({ NODE_ENV: z.string().optional() })
  .refine(...brandLogoSecureInProduction);

describe('the brand settings', () => {
  it('default to Vouch, its indigo, no logo and English', () => {
    expect(emailLookOf(schema.parse({}))).toEqual({
      brand: { companyName: 'Vouch', logo: null, color: '#4f46e5' },
      defaultLanguage: 'en',
    });
  });

  it('show the logo at the size given, with the company name', () => {
    const look = emailLookOf(
      schema.parse({
        COMPANY_NAME: 'Acme',
        COMPANY_LOGO_URL: 'https://acme.example/logo.png',
        COMPANY_LOGO_WIDTH: '160',
        COMPANY_LOGO_HEIGHT: '48',
        BRAND_COLOR: '#0F766E',
        DEFAULT_LANGUAGE: 'pt',
      }),
    );
    expect(look).toEqual({
      brand: {
        companyName: 'Acme',
        logo: { url: 'https://acme.example/logo.png', width: 160, height: 48 },
        color: '#0f766e',
      },
      defaultLanguage: 'pt',
    });
  });

  it('refuse a colour white button text cannot be read on, saying why', () => {
    const result = schema.safeParse({ BRAND_COLOR: '#facc15' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['BRAND_COLOR']);
    expect(result.error?.issues[0]?.message).toMatch(
      /#facc15 is too light: .* contrast of 1\.\d\d:1, below the 4\.5:1/,
    );
  });

  it('refuse what is not a #rrggbb colour', () => {
    expect(schema.safeParse({ BRAND_COLOR: 'indigo' }).error?.issues[0]?.message).toMatch(/#rrggbb/);
  });

  it('refuse a language emails are not written in', () => {
    expect(schema.safeParse({ DEFAULT_LANGUAGE: 'fr' }).error?.issues[0]?.message).toBe('one of en, de, pt');
  });

  it('want the logo over https in production, anything locally', () => {
    const http = { COMPANY_LOGO_URL: 'http://acme.example/logo.png' };
    expect(schema.safeParse({ ...http, NODE_ENV: 'production' }).error?.issues[0]?.path).toEqual([
      'COMPANY_LOGO_URL',
    ]);
    expect(schema.safeParse(http).success).toBe(true);
  });
});

describe('contrastRatio', () => {
  it('is WCAG’s: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#4f46e5', '#4f46e5')).toBeCloseTo(1);
    expect(contrastRatio('#4f46e5', '#ffffff')).toBeGreaterThan(4.5);
  });
});
