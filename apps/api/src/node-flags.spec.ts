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
  ])('are on the command line of %s, as options of node', (_where, command) => {
    // between `node` and the script: after the script, they would be the script's arguments
    const words = (command ?? '').split(/[\s,[\]'"]+/).filter(Boolean);
    const node = words.indexOf('node');
    const script = words.findIndex((w) => /^dist\/apps\/api\/src\/main(-all)?\.js$/.test(w));
    expect({ node: node >= 0, script: script > node }).toEqual({ node: true, script: true });
    for (const flag of API_NODE_FLAGS) {
      const at = words.indexOf(flag);
      expect({ flag, between: at > node && at < script }).toEqual({ flag, between: true });
    }
  });

  it('are options that this node accepts, and that take effect', () => {
    // V8's heap limit counts the young generation's reserve: three semi-space-sized parts (two
    // semi-spaces, new large objects). Read from the configuration, not from what has grown.
    const heapLimitMb = (flags: readonly string[]): number =>
      Number(
        execFileSync(process.execPath, [
          ...flags,
          '-p',
          `require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20`,
        ]).toString(),
      );
    // 64 MB semi-spaces instead of Node 20's 16 MB: +144 MB (+96 MB or more whatever the default)
    expect(heapLimitMb(API_NODE_FLAGS) - heapLimitMb([])).toBeGreaterThanOrEqual(96);
  });
});
