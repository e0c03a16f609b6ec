/** An admin may not erase themself: another admin does it, so that someone remains who can act. */
export class SelfErasureError extends Error {
  override readonly name = 'SelfErasureError';
  constructor() {
    super('you cannot erase yourself; another admin must do it');
  }
}

export class ErasureNotFoundError extends Error {
  override readonly name = 'ErasureNotFoundError';
  constructor(erasureId: string) {
    super(`no erasure ${erasureId}`);
  }
}
