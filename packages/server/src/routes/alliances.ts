import { AllianceFilters, MemberFilters, MembershipInput, Slug } from '@fachkraefte/schema';
import { Hono } from 'hono';
import { membersToGeoJSON } from '../export/geojson.js';
import { requireKey, requireScope } from '../http/auth.js';
import { readBody } from '../http/body.js';
import { notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { emptyQuery, pathParam, type AppEnv } from './common.js';

/** `/v1/alliances` and the members of each alliance. */
export function allianceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const filters = parseQuery(new URL(c.req.url), AllianceFilters);
    return c.json(await c.var.store.listAlliances(filters));
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
    const { created } = await c.var.store.putMembership(membership);
    return c.json(membership, created ? 201 : 200);
  });

  app.delete('/:slug{[^/]+}/members/:id{[^/]+}', async (c) => {
    const slug = pathParam(c.req.param('slug'), 'slug', Slug);
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    requireScope(scope, [slug], `the members of "${slug}"`);
    if (!(await c.var.store.deleteMembership(slug, id))) throw notFound(`The membership of "${id}" in "${slug}"`);
    return c.body(null, 204);
  });

  return app;
}
