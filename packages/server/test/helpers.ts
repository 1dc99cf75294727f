// Shared by the server's tests: a real server on a free port with a real in-memory PGlite, and a
// small fetch wrapper that keeps what an API user gets (status, headers, body text).
import { expect } from 'vitest';
import { startServer, type DataSetName, type RequestLogLine, type RunningServer, type ServerOptions } from '../src/index.js';

/** A started test server and every log line it wrote. */
export interface TestServer {
  srv: RunningServer;
  lines: RequestLogLine[];
}

/** Starts an in-memory server (no demo page, no CDN folder) that logs into an array. */
export async function startTestServer(
  dataSets: readonly DataSetName[] = ['seed', 'upcoming'],
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const lines: RequestLogLine[] = [];
  const srv = await startServer({
    // Tests write far faster than people: the rate limit has a test of its own with small numbers.
    port: 0, memory: true, dataSets, log: (l) => lines.push(l), siteDir: null, cdnDir: null, adminDir: null,
    writeLimit: { perMinute: 60_000, burst: 10_000 }, ...options,
  });
  return { srv, lines };
}

/** What a request returned. `json` is the parsed body when it is JSON, else undefined. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Sends a request to `base + path` and reads the whole answer. */
export async function request(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: unknown;
  if (/json/.test(res.headers.get('content-type') ?? '') && text) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, json };
}

/** Follows `nextCursor` to the end and returns every item (and the number of pages). */
export async function allPages<T = any>(base: string, path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await request(base, cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
    items.push(...res.json.items);
    cursor = res.json.nextCursor;
    pages++;
    if (pages > 10_000) throw new Error('pagination does not end');
  } while (cursor);
  return { items, pages };
}

/** Asserts an RFC 9457 problem with this status, and (optionally) the parameters it names. */
export function expectProblem(res: Answer, status: number, parameters?: string[]): void {
  expect(res.status, res.text.slice(0, 500)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (parameters) {
    const named = (res.json.errors ?? []).map((e: { parameter: string }) => e.parameter);
    // A list value is named with its index (`type[0]`), a body field with its path (`body.end`).
    for (const p of parameters) {
      expect(named.some((n: string) => n === p || n.startsWith(`${p}[`)), `${p} in errors[].parameter of ${res.text.slice(0, 300)}`).toBe(true);
    }
  }
}

/** No stack frame, file path or SQL error text may reach a client. */
export function expectNoInternals(res: Answer): void {
  expect(res.text).not.toMatch(/\n\s+at |\bat .+\.(?:ts|js):\d+|node_modules|\/work\/|syntax error at|invalid input syntax/);
}

export const SUEDWEST = 'fachkraefteallianz-suedwest';
export const LUDWIGSBURG = 'fachkraefteallianz-landkreis-ludwigsburg';
export const LEINE_WESER = 'fachkraeftebuendnis-leine-weser';
export const HEILBRONN = 'fachkraeftebuendnis-heilbronn-franken';
export const WALDSHUT = 'netzwerk-fachkraefte-landkreis-waldshut';
export const BW = 'allianz-fuer-fachkraefte-bw';
