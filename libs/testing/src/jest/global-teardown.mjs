// @ts-check

/** Stops what the global setup started, and only that. */
export default async function globalTeardown() {
  const global = /** @type {any} */ (globalThis);
  const provided = global.__vouchInfrastructure ?? [];
  global.__vouchInfrastructure = [];
  for (const infrastructure of provided.reverse()) await infrastructure.stop();
}
