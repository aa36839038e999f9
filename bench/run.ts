/**
 * `npm run bench`: the speed and memory goals of the issues, measured on this machine, printed as a table.
 * `npm run bench -- review score` runs only the named benchmarks (parse, import, review, score, report, read).
 * `npm run bench -- city` (issue 12 item 8) loads a city's data and takes about half an hour; it runs only when named.
 */
import { benchCity } from './city';
import { benchImport } from './import';
import { benchParse } from './parse';
import { benchRead } from './read';
import { benchReport } from './report';
import { benchReview } from './review';
import { benchScore } from './score';
import { printTable, type BenchRow } from './table';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  parse: benchParse,
  import: benchImport,
  review: benchReview,
  score: benchScore,
  report: benchReport,
  read: benchRead,
  city: benchCity,
};
/** Run by `npm run bench` without names: all but the city, which runs only when named. */
const DEFAULT = ['parse', 'import', 'review', 'score', 'report', 'read'];

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : DEFAULT;
const rows: BenchRow[] = [];
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark: ${name} (known: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(1);
  }
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus()[0]?.model ?? 'cpu'}\n`);
printTable(rows);
