import { execFileSync } from 'node:child_process';
import { machine, repoDir, save, say, table, type BenchResult } from './lib/report.js';

/** `npm run bench [names…]`: each benchmark runs the product beside its floor, prints its table and saves its figures.
 * */
const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  decision: () => import('./decision.js'),
  'my-requests': () => import('./my-requests.js'),
  'end-to-end': () => import('./end-to-end.js'),
  waiting: () => import('./waiting.js'),
  history: () => import('./history.js'),
  import: () => import('./import.js'),
  outbox: () => import('./outbox.js'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !(n in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
// The product runs as in production: compiled, with the prebuilt workflow bundle (no bundling inside the worker).
say('bench', 'building dist/ (npm run build)');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoDir, stdio: ['ignore', 'ignore', 'inherit'] });
const m = machine();
say('bench', `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`);
const tables: string[] = [];
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  say(name, 'starting');
  const result = await (await BENCHES[name]!()).run();
  const file = await save(result, {});
  tables.push(table(result));
  console.log(`\n${table(result)}\n(${file})\n`);
}
if (tables.length > 1) console.log(`\nAll results\n\n${tables.join('\n\n')}`);
