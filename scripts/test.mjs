#!/usr/bin/env node
// `pnpm test`: runs every test runner of the repository (vitest for schema, server and SDK;
// @web/test-runner in Chromium for the widgets) and ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const cache = `${root}.cache`;
mkdirSync(cache, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  return result.status ?? 1;
}

function readCounts(file, label) {
  if (!existsSync(file)) {
    console.error(`✖ ${label} wrote no results (${file}): counted as a failure.`);
    broken = true;
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped ?? 0;
}

// 1. vitest (schema, server, SDK)
const vitestJson = `${cache}/vitest.json`;
rmSync(vitestJson, { force: true });
// On PGlite: the PostgreSQL run below is the only one that sees FK_TEST_DATABASE_URL.
const { FK_TEST_DATABASE_URL: _pg, ...pgliteEnv } = process.env;
const vitestStatus = run('vitest', 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { env: pgliteEnv });
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count, but must fail the run.
  if (vitestStatus !== 0 && r.numFailedTests === 0) {
    broken = true;
    totals.failed += Math.max(1, r.numFailedTestSuites ?? 1);
  }
} else {
  readCounts(vitestJson, 'vitest');
}

// 1b. The server's tests once more on a real PostgreSQL server (issue 13). FK_TEST_DATABASE_URL
// names a role that may create databases (.ci/run installs PostgreSQL, starts it and sets it):
// every test server gets a fresh database. Its counts are added to the totals.
let postgresStatus = 0;
if (process.env.FK_TEST_DATABASE_URL) {
  const pgJson = `${cache}/vitest-postgres.json`;
  rmSync(pgJson, { force: true });
  postgresStatus = run('server on PostgreSQL', 'pnpm', ['exec', 'vitest', 'run', '--project', '@fachkraefte/server', '--reporter=default', '--reporter=json', `--outputFile.json=${pgJson}`]);
  if (existsSync(pgJson)) {
    const r = JSON.parse(readFileSync(pgJson, 'utf8'));
    console.log(`server on PostgreSQL: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (postgresStatus !== 0 && r.numFailedTests === 0) {
      broken = true;
      totals.failed += Math.max(1, r.numFailedTestSuites ?? 1);
    }
  } else {
    readCounts(pgJson, 'server on PostgreSQL');
  }
} else {
  console.log('\n▷ server on PostgreSQL: not run here (FK_TEST_DATABASE_URL is not set; .ci/run installs PostgreSQL and sets it)');
}

// 1c. Two instances on PostgreSQL behind nginx (scripts/cluster.test.mjs, issue 13): needs nginx and
// FK_TEST_DATABASE_URL, which .ci/run installs, starts and sets. Its counts are added to the totals.
let clusterStatus = 0;
if (process.env.FK_TEST_DATABASE_URL) {
  const clusterJson = `${cache}/vitest-cluster.json`;
  rmSync(clusterJson, { force: true });
  clusterStatus = run('cluster (nginx + PostgreSQL)', 'pnpm', ['exec', 'vitest', 'run', '--config', 'scripts/cluster.vitest.config.mjs', '--reporter=default', '--reporter=json', `--outputFile.json=${clusterJson}`]);
  if (existsSync(clusterJson)) {
    const r = JSON.parse(readFileSync(clusterJson, 'utf8'));
    console.log(`cluster: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    if (clusterStatus !== 0 && r.numFailedTests === 0) {
      broken = true;
      totals.failed += Math.max(1, r.numFailedTestSuites ?? 1);
    }
  } else {
    readCounts(clusterJson, 'cluster');
  }
} else {
  console.log('\n▷ cluster (nginx + PostgreSQL): not run here (FK_TEST_DATABASE_URL is not set; .ci/run installs both and sets it)');
}

// 2. @web/test-runner (widgets, real Chromium)
const widgetsConfig = `${root}packages/widgets/web-test-runner.config.mjs`;
if (existsSync(widgetsConfig)) {
  const chromium = findChromium();
  if (!chromium) {
    console.error('\n✖ Chromium not found. The widget tests run in a real browser: install it with');
    console.error('    sudo apt-get install -y chromium      (Debian/Ubuntu)');
    console.error('  or point CHROME_PATH at a Chromium or Chrome binary.');
    console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(1);
  }
  const wtrJson = `${cache}/wtr.json`;
  rmSync(wtrJson, { force: true });
  const status = run('web-test-runner', 'pnpm', ['--filter', '@fachkraefte/widgets', 'test'], {
    env: { ...process.env, CHROME_PATH: chromium, FK_WTR_RESULTS: wtrJson },
  });
  readCounts(wtrJson, 'web-test-runner');
  if (status !== 0 && !broken && existsSync(wtrJson) && JSON.parse(readFileSync(wtrJson, 'utf8')).failed === 0) {
    broken = true;
    totals.failed += 1;
  }
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || broken || vitestStatus !== 0 || postgresStatus !== 0 || clusterStatus !== 0 ? 1 : 0);
