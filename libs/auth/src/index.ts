export * from './authenticated-employee';
export * from './signing-keys';
export * from './token-issuer';
export * from './token-verifier';
export * from './auth.guards';
export * from './deactivated-employees';
export * from './auth.module';
export * from './invitation-token';
