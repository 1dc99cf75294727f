import { FocusAreaFilters } from '@fachkraefte/schema';
import { createOpenApiDocument } from '@fachkraefte/schema/openapi';
import { Hono } from 'hono';
import { HttpProblem } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import { BadCursorError } from '../store/store.js';
import { type AppEnv, emptyQuery } from './common.js';

let openApiText: string | undefined;

/** `/v1/focus-areas` and `/v1/openapi.json`. */
export function metaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/focus-areas', async (c) => {
    const filters = parseQuery(new URL(c.req.url), FocusAreaFilters);
    const all = await c.var.store.listFocusAreas();
    // Few enough to page in memory; the cursor is the offset of the next item.
    const offset = filters.cursor === undefined ? 0 : Number(decodeCursor(filters.cursor, 1)?.[0] ?? Number.NaN);
    if (!Number.isInteger(offset) || offset < 0) throw new BadCursorError('cursor: not a cursor of this server');
    const limit = filters.limit ?? 500;
    const items = all.slice(offset, offset + limit);
    return c.json({ items, nextCursor: offset + limit < all.length ? encodeCursor([offset + limit]) : null });
  });

  app.get('/openapi.json', (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    // Generated once per process from the schemas, the single source of truth.
    openApiText ??= JSON.stringify(createOpenApiDocument());
    return c.body(openApiText, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  return app;
}

/** `GET /healthz`: 200 while the database answers a query. */
export function healthRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    try {
      await c.var.store.db.query('select 1');
    } catch {
      throw new HttpProblem(503, 'The database does not answer.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  return app;
}
