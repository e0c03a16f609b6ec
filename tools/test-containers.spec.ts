import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Evaluates `expression` in tools/test-containers.mjs's module scope, as JSON. */
function fromTestContainers(expression: string): unknown {
  const script = `import * as module from ${JSON.stringify(path.join(__dirname, 'test-containers.mjs'))};
    const { HOST_PORTS, stackSettings, parseArguments } = module;
    process.stdout.write(JSON.stringify((() => { try { return ${expression}; } catch (error) { return { error: error.message }; } })()));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const compose = readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8');

describe('npm run test:containers', () => {
  it("moves every host port docker-compose.yml publishes, so its stack runs beside a user's and npm start's", () => {
    const variables = [...compose.matchAll(/'127\.0\.0\.1:\$\{(\w+):-(\d+)\}:\d+'/g)].map(
      ([, name, port]) => [name, Number(port)],
    );
    expect(Object.entries(fromTestContainers('HOST_PORTS') as Record<string, number>).sort()).toEqual(
      variables.sort(),
    );
    const settings = fromTestContainers('stackSettings(10000, "token")') as Record<string, string>;
    expect(settings).toEqual(
      expect.objectContaining({
        KAFKA_HOST_PORT: '29092',
        POSTGRES_HOST_PORT: '64329',
        PORTAL_HOST_PORT: '18080',
        // The emails' links lead to this stack's portal.
        PUBLIC_URL: 'http://127.0.0.1:18080',
        SCIM_TOKEN: 'token',
      }),
    );
  });

  it("never runs on a user's own project, and says which options it knows", () => {
    expect(fromTestContainers('parseArguments([])')).toEqual(
      expect.objectContaining({ project: 'vouch-test', portOffset: 10000, build: true }),
    );
    expect(fromTestContainers('parseArguments(["--project", "vouch"])')).toEqual({
      error: '--project vouch: a lower-case name other than vouch',
    });
    expect(fromTestContainers('parseArguments(["--port-offset", "70000"])')).toEqual({
      error: '--port-offset 70000: an integer from 0 to 10000',
    });
    expect(fromTestContainers('parseArguments(["--wait"])')).toEqual({
      error: 'unknown option --wait (see the head of tools/test-containers.mjs)',
    });
  });
});
