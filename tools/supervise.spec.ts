import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Supervises a child that exits at once, every time, with tiny delays, as start.mjs does, and
 * returns what the supervisor said.
 */
function superviseCrashingChild(cap: number): { output: string; gaveUp: boolean } {
  const script = `
    import { spawn } from 'node:child_process';
    import { createSupervisor } from ${JSON.stringify(path.join(__dirname, 'supervise.mjs'))};
    const children = [];
    const supervise = createSupervisor({
      log: (line) => console.log(line),
      isStopping: () => false,
      onGiveUp: () => { console.log('GAVE UP'); process.exit(0); },
      children,
      cap: ${cap},
      firstDelayMs: 10,
      maxDelayMs: 40,
    });
    supervise('identity', () => spawn(process.execPath, ['-e', 'process.exit(3)']));
    setTimeout(() => { console.log('TIMED OUT'); process.exit(1); }, 10000);
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { output: result.stdout, gaveUp: result.stdout.includes('GAVE UP') };
}

describe("npm start's supervisor", () => {
  it('restarts a child that dies, saying so, with a growing delay, and gives up after its cap', () => {
    const { output, gaveUp } = superviseCrashingChild(3);
    expect(output).toContain('identity exited with code 3; restarting it in 0.01 s (restart 1 of at most 3)');
    expect(output).toContain('restarting it in 0.02 s (restart 2 of at most 3)');
    expect(output).toContain('restarting it in 0.04 s (restart 3 of at most 3)');
    expect(output.match(/^restarting identity$/gm)).toHaveLength(3);
    expect(output).toContain('3 restarts within 10 min; stopping the rest');
    expect(gaveUp).toBe(true);
  });
});
