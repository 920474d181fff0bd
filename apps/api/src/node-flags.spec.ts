import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '../../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** Every place that starts the API gives it the same node options (V8 takes them at start). */
describe("the API's node options", () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  const dockerCmd = read('docker/Dockerfile')
    .split('\n')
    .filter((l) => l.startsWith('CMD '));
  const composeApi = /\n {2}api:\n(?: {4}.*\n)*? {4}command: (.*)\n/.exec(
    read('docker/compose.yml'),
  )?.[1];

  it.each([
    ['npm start', scripts.start],
    ['npm run start:api', scripts['start:api']],
    ['the Docker image', dockerCmd.at(-1)],
    ['docker/compose.yml', composeApi],
  ])('are on the command line of %s', (_where, command) => {
    expect(command).toBeDefined();
    for (const flag of API_NODE_FLAGS) expect(command).toContain(flag);
  });

  it('are options that this node accepts, and that take effect', () => {
    // V8's new space (both semi-spaces) in MB, once allocation has grown it to its maximum
    const newSpaceMb = (flags: readonly string[]): number =>
      Number(
        execFileSync(process.execPath, [
          ...flags,
          '-e',
          `const v8 = require('node:v8');
           const keep = []; for (let i = 0; i < 2e6; i++) keep.push({ i });
           const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
           process.stdout.write(String(space.space_size / 2 ** 20));`,
        ]).toString(),
      );
    expect(newSpaceMb(API_NODE_FLAGS)).toBe(128);
    expect(newSpaceMb([])).toBeLessThan(128); // Node 20's default: two semi-spaces of 16 MB
  });
});
