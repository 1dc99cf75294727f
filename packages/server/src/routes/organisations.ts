import { Organisation, OrganisationFilters, OrganisationInput, OrganisationPatch, Slug } from '@fachkraefte/schema';
import { Hono } from 'hono';
import { requireKey, requireScope } from '../http/auth.js';
import { readBody } from '../http/body.js';
import { HttpProblem, notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { type AppEnv, emptyQuery, pathParam, slugify } from './common.js';

/**
 * `/v1/organisations`. Organisations are shared between alliances: any key may create one; a
 * scoped key may change one that is a member of its alliance, and delete one only when it belongs
 * to no other alliance.
 */
export function organisationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const filters = parseQuery(new URL(c.req.url), OrganisationFilters);
    return c.json(await c.var.store.listOrganisations(filters));
  });

  app.get('/:id{[^/]+}', async (c) => {
    parseQuery(new URL(c.req.url), emptyQuery);
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const organisation = await c.var.store.getOrganisation(id);
    if (!organisation) throw notFound(`The organisation "${id}"`);
    return c.json(organisation);
  });

  app.post('/', async (c) => {
    await requireKey(c, c.var.store);
    const input = await readBody(c, OrganisationInput);
    const organisation: Organisation = {
      id: input.id ?? slugify(input.name),
      name: input.name,
      aliases: input.aliases ?? [],
      type: input.type,
      address: input.address ?? null,
      position: input.position ?? null,
      website: input.website ?? null,
      fictitious: false,
    };
    if (!(await c.var.store.createOrganisation(organisation))) {
      throw new HttpProblem(409, `An organisation with the id "${organisation.id}" exists already; send another id.`);
    }
    c.header('Location', `/v1/organisations/${organisation.id}`);
    return c.json(organisation, 201);
  });

  app.patch('/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    const patch = await readBody(c, OrganisationPatch);
    const updated = await c.var.store.updateOrganisation(id, async (current, tx) => {
      requireScope(scope, await c.var.store.allianceSlugsOf(id, tx), `the organisation "${id}"`);
      const next = { ...current, ...patch };
      return Organisation.parse(next);
    });
    if (!updated) throw notFound(`The organisation "${id}"`);
    return c.json(updated);
  });

  app.delete('/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    if (!(await c.var.store.getOrganisation(id))) throw notFound(`The organisation "${id}"`);
    if (!scope.admin) {
      const alliances = await c.var.store.allianceSlugsOf(id);
      const others = alliances.filter((a) => a !== scope.alliance);
      if (!alliances.includes(scope.alliance) || others.length > 0) {
        throw new HttpProblem(403, `Only an admin key may delete "${id}": it belongs to ${others.length ? `other alliances too (${others.join(', ')})` : `no alliance of this key`}.`);
      }
    }
    await c.var.store.deleteOrganisation(id);
    return c.body(null, 204);
  });

  return app;
}
