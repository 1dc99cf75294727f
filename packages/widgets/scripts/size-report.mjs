// `pnpm --filter @fachkraefte/widgets size:report`: what a page downloads per widget (the entry and
// every chunk it imports statically; chunks loaded with import() listed apart), the autoloader,
// all three together, and the SDK's browser bundle — gzip and brotli, against the budgets. Built in
// memory from the sources (scripts/cdn-sizes.mjs): no prior `pnpm build` needed.
import { BUDGETS_KIB } from './budgets.mjs';
import { measure } from './cdn-sizes.mjs';

const kib = (n) => `${(n / 1024).toFixed(1)} KB`;
const m = await measure();
const rows = [
  ...Object.entries(m.widgets).map(([name, w]) => [name, w, BUDGETS_KIB[name], `${w.files} files; lazy: ${w.lazy.map((l) => `${l.file.replace('chunks/', '')} ${kib(l.gzip)}`).join(', ') || '–'}`]),
  ['fk.js (autoloader)', m.autoloader, BUDGETS_KIB.autoloader, ''],
  ['all three + fk.js', m.all, BUDGETS_KIB.all, `${m.all.files} files, shared chunks counted once`],
  ['SDK (browser ESM)', m.sdkWithoutOccurrences, BUDGETS_KIB.sdk, 'ky, zod/mini, schemas; without occurrences()'],
  ['SDK, every export', m.sdk, BUDGETS_KIB.sdkWithOccurrences, 'with occurrences() and its RRULE expander'],
];
console.log(`${'initial download'.padEnd(20)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)} ${'budget'.padStart(8)}`);
for (const [name, s, budget, note] of rows) {
  const over = s.gzip > budget * 1024 ? '  OVER BUDGET' : '';
  console.log(`${name.padEnd(20)} ${kib(s.gzip).padStart(8)} ${kib(s.brotli).padStart(8)} ${`${budget} KB`.padStart(8)}  ${note}${over}`);
}
