// @ts-check

/** Stops what the global setup started, and only that. */
export default async function globalTeardown() {
  const provided = /** @type {any} */ (globalThis).__vouchInfrastructure;
  await provided?.stop();
}
