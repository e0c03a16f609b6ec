import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const launcher = path.join(__dirname, 'pinned-node.mjs');

/** Calls one of the launcher's functions in a Node of its own (it is an ES module of built-ins). */
function call<T>(expression: string): T {
  const script = `import * as pinned from ${JSON.stringify(launcher)}; console.log(JSON.stringify(${expression}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as T;
}

const pinned = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
/**
 * A Node older than the pinned one: a script that prints an old version stands in for it, as the
 * launcher only asks it its version.
 */
const olderNode = { version: '20.20.2', path: path.join(os.tmpdir(), `vouch-old-node-${process.pid}`) };
beforeAll(() => writeFileSync(olderNode.path, `#!/bin/sh\necho ${olderNode.version}\n`, { mode: 0o755 }));
afterAll(() => rmSync(olderNode.path, { force: true }));

/** A Node installed elsewhere on the machine: only its path matters, and any file stands in for it. */
const systemNode = '/bin/sh';

describe('the pinned Node', () => {
  it('is one version everywhere: .nvmrc, the binaries npm installs, engines and the images', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
      optionalDependencies: Record<string, string>;
    };
    const binaries = Object.entries(manifest.optionalDependencies).filter(([name]) =>
      name.startsWith('node-'),
    );
    expect(binaries.length).toBeGreaterThan(0);
    for (const [, version] of binaries) expect(version).toBe(pinned);
    expect(manifest.engines.node).toBe(`>=${pinned.split('.')[0]}.11`);
    const dockerfile = readFileSync(path.join(root, 'infra', 'docker', 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ARG NODE_IMAGE=node:${pinned}-bookworm-slim`);
  });

  it('compares versions by major, minor and patch', () => {
    expect(call('[pinned.isOlder("20.20.2", "24.22.3"), pinned.isOlder("24.9.0", "24.22.3")]')).toEqual([
      true,
      true,
    ]);
    expect(call('[pinned.isOlder("24.22.3", "24.22.3"), pinned.isOlder("26.1.0", "24.22.3")]')).toEqual([
      false,
      false,
    ]);
  });

  it('runs an older Node’s scripts on the pinned binary npm installed, saying so', () => {
    const choice = call<{ binary: string; note: string }>(
      `pinned.chooseNode("20.20.2", ${JSON.stringify(systemNode)})`,
    );
    expect(choice.binary).toBe(path.join(root, 'node_modules', `node-linux-${process.arch}`, 'bin', 'node'));
    expect(choice.note).toBe(
      `Node 20.20.2 is older than Vouch's Node ${pinned} (.nvmrc): running on the pinned one npm installed (node_modules/node-linux-${process.arch}/bin/node)`,
    );
  });

  it('leaves a newer Node alone', () => {
    expect(call(`pinned.chooseNode("99.0.0", ${JSON.stringify(systemNode)})`)).toEqual({
      binary: systemNode,
    });
  });

  /** Runs the launcher as `npm run` does on a machine whose npm runs on the Node at `npmNode`. */
  function launch(npmNode: string, ...args: string[]) {
    return spawnSync(process.execPath, [launcher, ...args], {
      encoding: 'utf8',
      env: { ...process.env, npm_node_execpath: npmNode, VOUCH_NODE_NOTED: '' },
    });
  }

  it('runs a script on the pinned Node, with its directory first on PATH for what the script starts', () => {
    const result = launch(
      olderNode.path,
      '-e',
      'console.log(process.versions.node, process.env.PATH.split(":")[0])',
    );
    expect(result.status).toBe(0);

    const [version, firstOnPath] = result.stdout.trim().split(' ');
    expect(version).toBe(pinned);
    expect(firstOnPath).toBe(path.join(root, 'node_modules', `node-linux-${process.arch}`, 'bin'));
    expect(result.stderr).toBe(
      `[node] Node ${olderNode.version} is older than Vouch's Node ${pinned} (.nvmrc): running on the pinned one npm installed (node_modules/node-linux-${process.arch}/bin/node)\n`,
    );
  });

  it("says nothing when the machine's Node is the pinned one or newer", () => {
    const result = launch(process.execPath, '-e', 'console.log(process.versions.node)');
    expect(result).toMatchObject({ status: 0, stdout: `${pinned}\n`, stderr: '' });
  });

  it('passes on the exit code of the script it runs', () => {
    const result = spawnSync(process.execPath, [launcher, '-e', 'process.exit(7)'], { encoding: 'utf8' });
    expect(result.status).toBe(7);
  });
});
