/** No refresh token, an unknown, expired or revoked one, or one used before (which ends its session). */
export class InvalidRefreshTokenError extends Error {
  override readonly name = 'InvalidRefreshTokenError';
}

/**
 * A cookie-authenticated request without the proof that the portal's own script sent it: the
 * `X-Requested-With` header (no other site can set it without a CORS preflight identity never
 * grants), or one that the browser says comes from another site.
 */
export class CrossSiteRequestError extends Error {
  override readonly name = 'CrossSiteRequestError';
}
