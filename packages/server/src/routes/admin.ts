import { ApiKeyInput, ChangeFilters } from '@fachkraefte/schema';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { LOCAL_KEY, optionalKey, requireAdmin, requireKey } from '../http/auth.js';
import { readBody } from '../http/body.js';
import { badRequest, HttpProblem, notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { checkDataSet } from '../seed/file.js';
import { isDataSetName, loadDataSet } from '../seed/index.js';
import { actorOf, type ChangeRow, type KeyScope } from '../store/store.js';
import { type AppEnv, emptyQuery, pathParam } from './common.js';

/** The largest data set `POST /v1/data-sets` takes (the generated volume set is about 12 MB). */
export const MAX_DATA_SET_BYTES = 64 * 1024 * 1024;

const KeyId = z.string().check(z.regex(/^[0-9a-f]{12}$/, 'expected a key id (12 hexadecimal digits, as `GET /v1/keys` lists them)'));

/**
 * What of "who" a reader of the history sees. The label of a key may name a person (personal
 * data): the public sees only the scope (`admin`, an alliance, `system`); an admin key, and a key
 * of an alliance the change concerns, also see the key's id and label.
 */
function actorFor(reader: KeyScope | null, change: ChangeRow) {
  const full = reader !== null && (reader.admin || change.alliances.includes(reader.alliance));
  return full ? { scope: change.scope, keyId: change.keyId ?? undefined, label: change.label } : { scope: change.scope };
}

/** `/v1/keys`, `/v1/changes` and `/v1/data-sets` (mounted on `/v1`). */
export function adminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/keys', async (c) => {
    const scope = await requireKey(c, c.var.store);
    requireAdmin(scope, 'create keys');
    const input = await readBody(c, ApiKeyInput);
    if (input.scope !== 'admin' && !(await c.var.store.allianceExists(input.scope))) {
      throw badRequest([{ parameter: 'body.scope', message: `is neither "admin" nor the slug of an alliance ("${input.scope}" does not exist)` }]);
    }
    const created = await c.var.store.createApiKey(input.scope, input.label, actorOf(scope));
    c.header('Location', `/v1/keys/${created.id}`);
    c.header('Cache-Control', 'no-store');
    const { revokedAt: _, ...answer } = created;
    return c.json(answer, 201);
  });

  app.get('/keys', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const scope = await requireKey(c, c.var.store);
    const items = await c.var.store.listApiKeys(scope.admin ? undefined : { id: scope.id });
    // Labels may name people, and the answer depends on the key: never for a shared cache.
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json({ items, nextCursor: null });
  });

  // Who is signed in: the coordinators' app shows the key's label and scope after sign-in. An
  // admin key's `GET /v1/keys` lists every key and cannot say which one was sent.
  app.get('/keys/self', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const scope = await requireKey(c, c.var.store);
    const [own] = scope.id === LOCAL_KEY.id ? [] : await c.var.store.listApiKeys({ id: scope.id });
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json(own ?? { id: scope.id, scope: scope.admin ? 'admin' : scope.alliance, label: scope.label, createdAt: new Date(0).toISOString(), revokedAt: null });
  });

  app.delete('/keys/:id{[^/]+}', async (c) => {
    const scope = await requireKey(c, c.var.store);
    const id = pathParam(c.req.param('id'), 'id', KeyId);
    if (!scope.admin && scope.id !== id) throw new HttpProblem(403, 'A scoped key may revoke only itself; ask an admin to revoke other keys.');
    if (!(await c.var.store.revokeApiKey(id, actorOf(scope)))) throw notFound(`An active key with the id "${id}"`);
    return c.body(null, 204);
  });

  app.get('/changes', async (c) => {
    const filters = parseQuery(new URL(c.req.url), ChangeFilters);
    const reader = await optionalKey(c, c.var.store);
    const kinds: ChangeRow['kind'][] = ['alliance', 'organisation', 'membership', 'event', ...(reader?.admin ? ['key' as const] : [])];
    const page = await c.var.store.listChanges(filters, kinds);
    if (reader) c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json({
      items: page.items.map((ch) => ({
        seq: ch.seq, at: ch.at, kind: ch.kind, id: ch.id, action: ch.action, alliances: ch.alliances, fields: ch.fields, by: actorFor(reader, ch),
      })),
      nextCursor: page.nextCursor,
    });
  });

  app.post('/data-sets', async (c) => {
    const scope = await requireKey(c, c.var.store);
    requireAdmin(scope, 'load data sets');
    const body = await readBody(c, z.union([z.strictObject({ name: z.string() }), z.looseObject({ name: z.string(), alliances: z.array(z.unknown()) })]));
    let set;
    if ('alliances' in body) {
      const checked = checkDataSet(body);
      if (checked.issues) throw badRequest(checked.issues.map((i) => ({ ...i, parameter: `body.${i.parameter}` })));
      set = checked.set;
    } else {
      if (!isDataSetName(body.name)) throw badRequest([{ parameter: 'body.name', message: 'is not a built-in data set (seed, upcoming, volume); send a whole data set to load your own' }]);
      set = loadDataSet(body.name, new Date());
    }
    const counts = await c.var.store.load(set, actorOf(scope));
    return c.json({ name: set.name, ...counts });
  });

  return app;
}
