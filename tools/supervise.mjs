// @ts-check
/**
 * `npm start`'s supervisor: a child that dies on its own is started again after 1, 2, 4… s (at
 * most `maxDelayMs`), saying so; only one that keeps dying (more than `cap` restarts within
 * `windowMs`) gives up, and `onGiveUp` stops the rest. One process crashing must not take the
 * platform down.
 */

/**
 * @typedef {object} SupervisorOptions
 * @property {(line: string) => void} log
 * @property {() => boolean} isStopping true once everything is being stopped on purpose
 * @property {() => void} onGiveUp
 * @property {import('node:child_process').ChildProcess[]} children the live children, kept current
 * @property {number} [cap]
 * @property {number} [windowMs]
 * @property {number} [firstDelayMs]
 * @property {number} [maxDelayMs]
 */

/** @param {SupervisorOptions} options */
export function createSupervisor({
  log,
  isStopping,
  onGiveUp,
  children,
  cap = 5,
  windowMs = 10 * 60_000,
  firstDelayMs = 1_000,
  maxDelayMs = 30_000,
}) {
  /**
   * @param {string} name
   * @param {() => import('node:child_process').ChildProcess} launch
   */
  return function supervise(name, launch) {
    /** @type {number[]} */
    const restarts = [];
    const run = () => {
      const child = launch();
      children.push(child);
      child.on('exit', (code, signal) => {
        children.splice(children.indexOf(child), 1);
        if (isStopping()) return;
        const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
        const now = Date.now();
        while (restarts.length > 0 && now - (restarts[0] ?? now) > windowMs) restarts.shift();
        if (restarts.length >= cap) {
          log(`${name} ${how} again: ${cap} restarts within ${windowMs / 60_000} min; stopping the rest`);
          onGiveUp();
          return;
        }
        const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** restarts.length);
        restarts.push(now);
        log(
          `${name} ${how}; restarting it in ${delay / 1000} s (restart ${restarts.length} of at most ${cap})`,
        );
        setTimeout(() => {
          if (isStopping()) return;
          log(`restarting ${name}`);
          run();
        }, delay).unref();
      });
    };
    run();
  };
}
