import { SignJWT } from 'jose';
import type { AuthenticatedEmployee } from './authenticated-employee';
import type { SigningKeys } from './signing-keys';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Issues access tokens (identity only). */
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly settings: TokenSettings,
  ) {}

  async issue(employee: AuthenticatedEmployee): Promise<{ accessToken: string; expiresIn: number }> {
    const key = this.keys.current();
    const accessToken = await new SignJWT({ email: employee.email, roles: employee.roles })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setSubject(employee.id)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.settings.ttlSeconds}s`)
      .sign(key.privateKey);
    return { accessToken, expiresIn: this.settings.ttlSeconds };
  }
}
