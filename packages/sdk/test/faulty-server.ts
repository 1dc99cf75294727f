/**
 * A real HTTP server that misbehaves on purpose: each test says, per path, what it answers —
 * errors, hangs, resets, broken bodies. Real sockets, so the SDK's fetch meets real failures
 * rather than a mock's idea of them.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received. */
export interface Seen {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** Answers a request; `n` counts the requests to this route, from 1. */
export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse, n: number) => unknown;

export interface FaultyServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  seen: Seen[];
  /** Routes `METHOD /path` (the path without query) to a handler; replaces an earlier one. */
  on(route: string, handler: Handler): void;
  /** Requests seen for a route (`METHOD /path`). */
  count(route: string): number;
  reset(): void;
  close(): Promise<void>;
}

/** Sends JSON with the given status and headers. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** Sends an RFC 9457 problem. */
export function problem(res: ServerResponse, status: number, title: string, detail?: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'https://fachkraefte.dev/problems/test', title, status, ...(detail ? { detail } : {}) }));
}

export async function startFaultyServer(): Promise<FaultyServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const route = `${req.method} ${path}`;
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: performance.now() });
      const n = (counts.get(route) ?? 0) + 1;
      counts.set(route, n);
      const handler = routes.get(route);
      if (!handler) {
        problem(res, 404, 'Not Found', `no test route for ${route}`);
        return;
      }
      void Promise.resolve(handler(Object.assign(req, { body }), res, n)).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    on(route, handler) {
      routes.set(route, handler);
    },
    count(route) {
      return counts.get(route) ?? 0;
    },
    reset() {
      routes.clear();
      counts.clear();
      seen.length = 0;
    },
    async close() {
      // Hanging handlers keep sockets open; close them, or close() would wait for ever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
