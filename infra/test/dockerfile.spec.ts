import { PLATFORM_SERVICES, readRepoFile } from './platform-services';

interface Instruction {
  keyword: string;
  argument: string;
}

/** The Dockerfile's stages, each a list of instructions (continuation lines joined, comments dropped). */
function stages(): Instruction[][] {
  const instructions = readRepoFile('infra/docker/Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

function argumentsOf(stage: Instruction[], keyword: string): string[] {
  return stage
    .filter((instruction) => instruction.keyword === keyword)
    .map((instruction) => instruction.argument);
}

describe('infra/docker/Dockerfile', () => {
  const [build = [], runtime = []] = stages();
  const nodeImage = readRepoFile('infra/docker/Dockerfile').match(/^ARG NODE_IMAGE=(\S+)$/m)?.[1];

  it('builds the service with Nx and runs it on the pinned Node 24 LTS image', () => {
    expect(nodeImage).toMatch(/^node:24[-.]/);
    expect(argumentsOf(build, 'RUN')).toContain('npx nx run "${SERVICE}:build" --output-style=stream');
    expect(argumentsOf(runtime, 'FROM')).toEqual(['${NODE_IMAGE} AS runtime']);
  });

  it('installs only production dependencies in the runtime image', () => {
    expect(argumentsOf(runtime, 'RUN').join('\n')).toMatch(/npm install --omit=dev\b/);
    expect(argumentsOf(runtime, 'COPY').join('\n')).not.toMatch(/node_modules/);
  });

  it('runs as an unprivileged user, checks liveness and stops on SIGTERM', () => {
    expect(argumentsOf(runtime, 'USER')).toEqual(['node']);
    expect(argumentsOf(runtime, 'HEALTHCHECK').join()).toContain("'/health/live'");
    expect(argumentsOf(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('is what every service’s Nx build target feeds', () => {
    for (const service of PLATFORM_SERVICES) {
      const project = JSON.parse(readRepoFile(`services/${service.name}/project.json`)) as {
        targets: Record<string, { command?: string; outputs?: string[] }>;
      };
      expect(project.targets['build']).toMatchObject({
        command: `node infra/docker/build-service.mjs ${service.name}`,
        outputs: [`{workspaceRoot}/dist/services/${service.name}`],
      });
    }
  });
});
