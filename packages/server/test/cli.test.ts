// The command line as an operator uses it: real child processes on a real data directory. Keys made
// by the CLI work against the server, mistakes exit 2 with a clear message, SIGTERM shuts down
// cleanly, and a committed write survives a restart.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from './cli-process.js';
import { request } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fk-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each run starts Node with tsx and opens PGlite (seconds each, more on a busy machine).
describe('CLI', { timeout: 120_000 }, () => {
  it('creates an admin key that works against a server on the same data directory, and survives SIGTERM', async () => {
    const data = join(tmp, 'main');
    const created = await runCli(['keys', 'create', '--scope', 'admin', '--label', 'test', '--data', data]);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^fk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/shown once/);
    // The secret part; base64url may itself contain "_", so everything after the id.
    const secret = key.split('_').slice(2).join('_');

    const listed = await runCli(['keys', 'list', '--data', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${key.split('_')[1]}\\tadmin\\tactive\\t`, 'm'));
    expect(listed.stdout).not.toContain(secret);

    const serve = await startServe(['serve', '--port', '0', '--data', data]);
    let url = serve.url;
    try {
      // The seed was loaded into the empty database on first start.
      expect((await request(url, '/v1/alliances')).json.items).toHaveLength(6);
      const write = await request(url, '/v1/organisations', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'cli-test-gmbh', name: 'CLI-Test GmbH', type: 'unternehmen' }),
      });
      expect(write.status, write.text).toBe(201);
      expect((await request(url, '/v1/organisations', { method: 'POST', headers: { Authorization: 'Bearer fk_nope_nopenopenope', 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    } finally {
      serve.child.kill('SIGTERM');
    }
    const ended = await serve.done;
    expect(ended.signal).toBeNull();
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stderr).toMatch(/SIGTERM/);
    // One JSON log line per request on stdout, none with the key.
    const lines = ended.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual([200, 201, 401]);
    expect(ended.stdout + ended.stderr).not.toContain(secret);

    // Restarted through the environment variables instead of flags: the write is still there.
    const again = await startServe(['serve'], { PORT: '0', FK_DATA_DIR: data });
    url = again.url;
    try {
      const org = await request(url, '/v1/organisations/cli-test-gmbh');
      expect(org.status).toBe(200);
      expect(org.json.name).toBe('CLI-Test GmbH');
      // The seed was not loaded twice over the existing data.
      expect((await request(url, '/v1/alliances')).json.items).toHaveLength(6);
      // The key still works after the restart.
      const patch = await request(url, '/v1/organisations/cli-test-gmbh', {
        method: 'PATCH', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ aliases: ['CLI'] }),
      });
      expect(patch.status).toBe(200);
    } finally {
      again.child.kill('SIGINT');
    }
    expect((await again.done).code).toBe(0);

  });

  it('changes keys, data sets and imports through a running server on the same data directory, which applies them at once', async () => {
    const data = join(tmp, 'running');
    const serve = await startServe(['serve', '--port', '0', '--data', data, '--data-sets', 'seed']);
    try {
      const control = JSON.parse(readFileSync(join(data, 'control.json'), 'utf8'));
      expect(statSync(join(data, 'control.json')).mode & 0o777).toBe(0o600);
      const created = await runCli(['keys', 'create', '--scope', 'fachkraefteallianz-suedwest', '--label', 'Geschäftsstelle Südwest', '--data', data]);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stderr).toMatch(/sending the change through its API/);
      const key = created.stdout.trim();
      expect(key).toMatch(/^fk_[0-9a-f]{12}_/);
      // The running server knows the new key at once: no restart.
      const write = await fetch(`${control.url}/v1/events`, {
        method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Netzwerktreffen CLI', start: '2030-01-15T18:00:00+01:00', alliances: ['fachkraefteallianz-suedwest'] }),
      });
      expect(write.status).toBe(201);
      const list = await runCli(['keys', 'list', '--data', data]);
      expect(list.code, list.stderr).toBe(0);
      const id = key.split('_')[1]!;
      expect(list.stdout).toMatch(new RegExp(`^${id}\tfachkraefteallianz-suedwest\tactive\t.*\tGeschäftsstelle Südwest$`, 'm'));
      const revoked = await runCli(['keys', 'revoke', id, '--data', data]);
      expect(revoked.code, revoked.stderr).toBe(0);
      const after = await fetch(`${control.url}/v1/events/x`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
      expect(after.status).toBe(401);
      expect((await runCli(['keys', 'revoke', id, '--data', data])).code).toBe(2);

      const loaded = await runCli(['load', 'upcoming', '--data', data]);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toMatch(/^loaded upcoming: \d+ alliances/);
      const events = await (await fetch(`${control.url}/v1/events?q=beispiel&limit=1`)).json();
      expect(events.items).toHaveLength(1);

      const ics = join(tmp, 'running.ics');
      writeFileSync(ics, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:cli-running-1@example.org', 'DTSTAMP:20260101T000000Z',
        'DTSTART;TZID=Europe/Berlin:20301203T180000', 'DTEND;TZID=Europe/Berlin:20301203T200000', 'SUMMARY:Stammtisch über die API', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
      const dry = await runCli(['import-ics', ics, '--alliance', 'fachkraefteallianz-suedwest', '--dry-run', '--data', data]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/1 added/);
      expect((await (await fetch(`${control.url}/v1/events?q=stammtisch`)).json()).items).toHaveLength(0);
      const real = await runCli(['import-ics', ics, '--alliance', 'fachkraefteallianz-suedwest', '--data', data]);
      expect(real.code, real.stderr).toBe(0);
      expect((await (await fetch(`${control.url}/v1/events?q=stammtisch`)).json()).items).toHaveLength(1);
      const unknown = await runCli(['import-ics', ics, '--alliance', 'nope', '--data', data]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/alliance "nope" does not exist/);

      // Without the control file (removed by hand) the command stops with the clear message.
      rmSync(join(data, 'control.json'));
      const blocked = await runCli(['keys', 'list', '--data', data]);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(new RegExp(`^error: the data directory .*running is in use by process ${serve.child.pid} \\(a running server\\?\\)`));
      expect(blocked.stderr).not.toMatch(/\n\s+at /);
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect((await serve.done).code).toBe(0);
    // A lock left behind by a process that is gone (a crash, kill -9) does not block.
    writeFileSync(join(data, 'fachkraefte.lock'), '2147483646');
    const after = await runCli(['keys', 'list', '--data', data]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/\trevoked\t/);
  });

  it('refuses a key for an unknown scope with exit code 2 and a clear message', async () => {
    const res = await runCli(['keys', 'create', '--scope', 'nope', '--data', join(tmp, 'misc')]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/no alliance "nope"/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses keys create without --scope', async () => {
    const res = await runCli(['keys', 'create', '--data', join(tmp, 'misc')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--scope/);
  });

  it('refuses to load a bad data set file with exit code 2 naming the bad field', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({
      name: 'bad', organisations: [], memberships: [], events: [],
      alliances: [{
        slug: 'test', name: 'Test', kind: 'regional', state: 'DE-XX', areas: [], founded: null, description: null,
        website: null, coordinator: null, patrons: [], contacts: [], representatives: [], focusAreas: [], projectGroups: [],
        statedMemberCount: null, parent: null, membershipFee: null, fictitious: true,
      }],
    }));
    const res = await runCli(['load', file, '--data', join(tmp, 'misc')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/alliances\[0\]\.state/);
    expect(res.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(join(tmp, 'broken.json'), '{ "name": ');
    const broken = await runCli(['load', join(tmp, 'broken.json'), '--data', join(tmp, 'misc')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);

    const missing = await runCli(['load', join(tmp, 'gibt-es-nicht.json'), '--data', join(tmp, 'misc')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);

    // A recurrence the API would refuse in a write is refused here too.
    writeFileSync(join(tmp, 'weekno.json'), JSON.stringify({
      name: 'weekno', alliances: [], organisations: [], memberships: [],
      events: [{
        id: 'kw-20', title: 'KW 20', summary: null, description: null, start: '2026-05-11T09:00:00+02:00', end: null, allDay: false,
        venue: null, onlineUrl: null, status: 'scheduled', categories: [], alliances: ['fachkraefteallianz-suedwest'], organisers: [],
        registrationUrl: null, recurrence: { rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', exdates: [] }, fictitious: true,
      }],
    }));
    const weekno = await runCli(['load', join(tmp, 'weekno.json'), '--data', join(tmp, 'misc')]);
    expect(weekno.code).toBe(2);
    expect(weekno.stderr).toContain('events[0].recurrence.rrule: RRULE BYWEEKNO=20 is not supported');
  });

  it('answers an unknown command, option or port with exit code 2 and the usage', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    expect(unknown.stderr).toMatch(/Usage:/);
    const option = await runCli(['serve', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Usage:/);
    const port = await runCli(['serve', '--port', 'achtzig', '--memory']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port/);
  });
});
