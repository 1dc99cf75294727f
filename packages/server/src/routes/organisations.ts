import {
  Organisation, type OrganisationDetail, OrganisationFilters, OrganisationInput, OrganisationPatch, Slug,
} from '@fachkraefte/schema';
import { Hono } from 'hono';
import { requireKey, requireOrganisationScope } from '../http/auth.js';
import { readBody } from '../http/body.js';
import { HttpProblem, notFound } from '../http/problem.js';
import { parseQuery } from '../http/query.js';
import { actorOf, type Store } from '../store/store.js';
import { type AppEnv, emptyQuery, pathParam, slugify } from './common.js';

/**
 * One organisation as GET answers it, and the writes too (their ETag is the one a GET gives): the
 * record and the alliances it is a member of, which decide who may change it.
 */
async function detail(store: Store, organisation: Organisation): Promise<OrganisationDetail> {
  return { ...organisation, alliances: await store.allianceSlugsOf(organisation.id) };
}

/**
 * `/v1/organisations`. Organisations are shared between alliances: any key may create one; a
 * scoped key may change or delete one only when every alliance it belongs to is the key's, or when
 * it belongs to none and the key's alliance created it. Adding an organisation as a member (PUT
 * /v1/alliances/{slug}/members/{id}) grants no right to change it.
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
    return c.json(await detail(c.var.store, organisation));
  });

  app.post('/', async (c) => {
    const scope = await requireKey(c, c.var.store);
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
    const created = await c.var.store.createOrganisation(organisation, actorOf(scope));
    if (!created) {
      throw new HttpProblem(409, `An organisation with the id "${organisation.id}" exists already; send another id, or add it as a member.`);
    }
    c.header('Location', `/v1/organisations/${organisation.id}`);
    return c.json(await detail(c.var.store, created), 201);
  });

  app.patch('/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    const patch = await readBody(c, OrganisationPatch);
    const store = c.var.store;
    const updated = await store.updateOrganisation(id, async (current, tx) => {
      requireOrganisationScope(scope, id, await store.allianceSlugsOf(id, tx), await store.organisationCreator(id, tx), 'change');
      const next = { ...current, ...patch };
      return Organisation.parse(next);
    }, actorOf(scope));
    if (!updated) throw notFound(`The organisation "${id}"`);
    return c.json(await detail(store, updated));
  });

  app.delete('/:id{[^/]+}', async (c) => {
    const id = pathParam(c.req.param('id'), 'id', Slug);
    const scope = await requireKey(c, c.var.store);
    const store = c.var.store;
    if (!(await store.getOrganisation(id))) throw notFound(`The organisation "${id}"`);
    requireOrganisationScope(scope, id, await store.allianceSlugsOf(id), await store.organisationCreator(id), 'delete');
    await store.deleteOrganisation(id, actorOf(scope));
    return c.body(null, 204);
  });

  return app;
}
