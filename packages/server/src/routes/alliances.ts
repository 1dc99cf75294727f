import {
  Alliance, AllianceFilters, AllianceInput, AlliancePatch, formatIssues, MemberFilters, MembershipInput, Slug,
} from '@fachkraefte/schema';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { membersToGeoJSON } from '../export/geojson.js';
import { ICalendarParseError } from '../export/ics-import.js';
import { requireAdmin, requireKey, requireScope } from '../http/auth.js';
import { readBody, readText } from '../http/body.js';
import { badRequest, HttpProblem, notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { importICalendar } from '../store/import-ics.js';
import type { Transaction } from '../store/database.js';
import { actorOf, type Store } from '../store/store.js';
import { emptyQuery, pathParam, type AppEnv } from './common.js';

/** The largest iCalendar file `POST …/imports` takes: a few thousand events of an Outlook export. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** An alliance as stored: without the counted and kept fields. */
const StoredAlliance = z.omit(Alliance, { memberCount: true, modified: true });
type StoredAlliance = z.infer<typeof StoredAlliance>;

/** Validates an alliance built from a body: a field error names its body field. */
function finishAlliance(value: unknown): StoredAlliance {
  const result = StoredAlliance.safeParse(value);
  if (!result.success) throw badRequest(formatIssues(result.error.issues, 'body'));
  return result.data;
}

/** The parent must exist, and must not be the alliance itself or one of its descendants. */
async function checkParent(store: Store, slug: string, parent: string | null, db?: Transaction): Promise<void> {
  const seen = new Set([slug]);
  for (let p = parent; p !== null;) {
    if (seen.has(p)) throw badRequest([{ parameter: 'body.parent', message: 'would make the alliance its own parent' }]);
    seen.add(p);
    const a = await store.getAlliance(p, db);
    if (!a) throw badRequest([{ parameter: 'body.parent', message: `the alliance "${p}" does not exist` }]);
    p = a.parent;
  }
}

const ImportQuery = z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) });

/** `/v1/alliances` and the members of each alliance. */
export function allianceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const filters = parseQuery(new URL(c.req.url), AllianceFilters);
    return c.json(await c.var.store.listAlliances(filters));
  });

  app.post('/', async (c) => {
    const scope = await requireKey(c, c.var.store);
    requireAdmin(scope, 'create alliances');
    const input = await readBody(c, AllianceInput);
    const alliance = finishAlliance({
      slug: input.slug, name: input.name, kind: input.kind, state: input.state,
      areas: input.areas ?? [], founded: input.founded ?? null, description: input.description ?? null,
      website: input.website ?? null, coordinator: input.coordinator ?? null, patrons: input.patrons ?? [],
      contacts: input.contacts ?? [], representatives: input.representatives ?? [], focusAreas: input.focusAreas ?? [],
      projectGroups: input.projectGroups ?? [], statedMemberCount: input.statedMemberCount ?? null,
      parent: input.parent ?? null, membershipFee: input.membershipFee ?? null, fictitious: false,
    });
    await checkParent(c.var.store, alliance.slug, alliance.parent);
    const created = await c.var.store.createAlliance(alliance, actorOf(scope));
    if (!created) throw new HttpProblem(409, `An alliance with the slug "${alliance.slug}" exists already.`);
    c.header('Location', `/v1/alliances/${alliance.slug}`);
    return c.json(created, 201);
  });

  app.patch('/:slug{[^/]+}', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const scope = await requireKey(c, c.var.store);
    requireScope(scope, [slug], `the profile of "${slug}"`);
    const patch = await readBody(c, AlliancePatch);
    const store = c.var.store;
    // Inside the transaction every query goes through `tx`: PGlite has one connection, and a query
    // beside the open transaction would wait for it forever.
    const updated = await store.updateAlliance(slug, actorOf(scope), async (current, tx) => {
      if (!scope.admin) {
        // The slug is in every embed snippet, kind and parent place the alliance among the others.
        const locked = (['slug', 'kind', 'parent'] as const).filter((k) => k in patch && patch[k] !== current[k]);
        if (locked.length) {
          throw new HttpProblem(403, `Only an admin key may change ${locked.join(', ')} of an alliance.`, locked.map((k) => ({ parameter: `body.${k}`, message: 'may be changed by an admin key only' })));
        }
      }
      const { memberCount: _, modified: __, ...rest } = current;
      const next = finishAlliance({ ...rest, ...patch });
      if (next.parent !== current.parent) await checkParent(store, next.slug, next.parent, tx);
      if (next.slug !== slug && (await store.allianceExists(next.slug, tx))) {
        throw new HttpProblem(409, `An alliance with the slug "${next.slug}" exists already.`, [{ parameter: 'body.slug', message: 'is taken' }]);
      }
      return next;
    });
    if (!updated) throw notFound(`The alliance "${slug}"`);
    if (updated.slug !== slug) c.header('Location', `/v1/alliances/${updated.slug}`);
    return c.json(updated);
  });

  app.delete('/:slug{[^/]+}', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const scope = await requireKey(c, c.var.store);
    requireAdmin(scope, 'delete alliances');
    if (!(await c.var.store.deleteAlliance(slug, actorOf(scope)))) throw notFound(`The alliance "${slug}"`);
    return c.body(null, 204);
  });

  app.post('/:slug{[^/]+}/imports', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const query = parseQuery(new URL(c.req.url), ImportQuery);
    const scope = await requireKey(c, c.var.store);
    requireScope(scope, [slug], `the events of "${slug}"`);
    if (!(await c.var.store.allianceExists(slug))) throw notFound(`The alliance "${slug}"`);
    const text = await readText(c, /^text\/calendar\s*(?:;|$)/i, 'Send the calendar file as "Content-Type: text/calendar".');
    try {
      const report = await importICalendar(c.var.store, text, { alliance: slug, dryRun: query.dryRun === 'true', actor: actorOf(scope), scope });
      return c.json({ alliance: slug, dryRun: query.dryRun === 'true', ...report });
    } catch (err) {
      if (err instanceof ICalendarParseError) throw badRequest([{ parameter: 'body', message: err.message }]);
      throw err;
    }
  });

  app.get('/:slug{[^/]+}', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const alliance = await c.var.store.getAlliance(slug);
    if (!alliance) throw notFound(`The alliance "${slug}"`);
    return c.json(alliance);
  });

  app.get('/:slug{[^/]+}/members.geojson', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const members = await c.var.store.allMembers(slug);
    if (!members) throw notFound(`The alliance "${slug}"`);
    return c.body(JSON.stringify(membersToGeoJSON(members, { alliance: slug })), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });

  app.get('/:slug{[^/]+}/members', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const filters = parseQuery(new URL(c.req.url), MemberFilters);
    const page = await c.var.store.listMembers(slug, filters);
    if (!page) throw notFound(`The alliance "${slug}"`);
    return c.json(page);
  });

  app.put('/:slug{[^/]+}/members/:id{[^/]+}', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    requireScope(scope, [slug], `the members of "${slug}"`);
    const input = await readBody(c, MembershipInput);
    if (!(await c.var.store.allianceExists(slug))) throw notFound(`The alliance "${slug}"`);
    if (!(await c.var.store.getOrganisation(id))) throw notFound(`The organisation "${id}"`);
    const membership = { alliance: slug, organisation: id, role: input.role, since: input.since ?? null };
    const { created } = await c.var.store.putMembership(membership, actorOf(scope));
    return c.json(membership, created ? 201 : 200);
  });

  app.delete('/:slug{[^/]+}/members/:id{[^/]+}', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    requireScope(scope, [slug], `the members of "${slug}"`);
    if (!(await c.var.store.deleteMembership(slug, id, actorOf(scope)))) throw notFound(`The membership of "${id}" in "${slug}"`);
    return c.body(null, 204);
  });

  return app;
}
