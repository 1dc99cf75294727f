import { ApiKey, ApiKeyCreated, type ApiKeyInput } from '@fachkraefte/schema';
import * as z from 'zod/mini';
import type { Page } from '../internal/paginate.js';
import { segment } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';

const KeyList = z.object({ items: z.array(ApiKey), nextCursor: z.null() });

/** `client.keys`: API keys (`/v1/keys`). Needs a key; creating and revoking others, an admin key. */
export interface KeysResource {
  /**
   * The key this client sends: its id, scope (`admin` or an alliance slug) and label — who is
   * signed in. A 401 {@link ApiError} when the key is unknown or revoked.
   *
   * @example
   * ```ts
   * const me = await client.keys.self();
   * console.log(`${me.label} (${me.scope})`);
   * ```
   */
  self(options?: RequestOptions): Promise<ApiKey>;
  /**
   * The keys, never their secrets: an admin key sees every key, a scoped key only itself.
   *
   * @example
   * ```ts
   * const { items } = await client.keys.list();
   * ```
   */
  list(options?: RequestOptions): Promise<Page<ApiKey>>;
  /**
   * Creates a key (admin keys only). The answer carries the secret this once.
   *
   * @example
   * ```ts
   * const { key } = await client.keys.create({ scope: 'fachkraefteallianz-suedwest', label: 'Geschäftsstelle' });
   * ```
   */
  create(input: ApiKeyInput, options?: RequestOptions): Promise<ApiKeyCreated>;
  /**
   * Revokes a key at once (an admin key, or a key revoking itself).
   *
   * @example
   * ```ts
   * await client.keys.revoke('0123456789ab');
   * ```
   */
  revoke(id: string, options?: RequestOptions): Promise<void>;
}

/** Builds `client.keys` on a transport. */
export function keysResource(http: Transport): KeysResource {
  return {
    self: (options) => http.get('/keys/self', '', ApiKey, options),
    list: (options) => http.get('/keys', '', KeyList, options),
    create: (input, options) => http.send('POST', '/keys', input, ApiKeyCreated, options),
    revoke: async (id, options) => http.send('DELETE', `/keys/${segment(id)}`, undefined, null, options),
  };
}
