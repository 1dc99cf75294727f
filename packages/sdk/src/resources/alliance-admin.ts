import {
  Alliance, ImportReport,
  type AllianceInput, type AlliancePatch,
} from '@fachkraefte/schema';
import { segment } from '../internal/query.js';
import type { RequestOptions, Transport } from '../internal/transport.js';
import { alliancesResource, type AlliancesResource } from './alliances.js';

/** Options of {@link AllianceAdminResource.importIcs}. */
export interface ImportOptions extends RequestOptions {
  /** Report only what the import would do, and write nothing. @default false */
  dryRun?: boolean;
}

/** `client.alliances` of the admin client: the reads and memberships, plus profiles and imports. */
export interface AllianceAdminResource extends AlliancesResource {
  /**
   * Creates an alliance (admin keys only).
   *
   * @example
   * ```ts
   * await client.alliances.create({ slug: 'fachkraefteallianz-test', name: 'Test', kind: 'regional', state: 'DE-BW' });
   * ```
   */
  create(input: AllianceInput, options?: RequestOptions): Promise<Alliance>;
  /**
   * Changes an alliance's profile (its own key or an admin key; slug, kind and parent: admin
   * only). `null` clears a field.
   *
   * @example
   * ```ts
   * await client.alliances.update('fachkraefteallianz-suedwest', { website: 'https://example.org/' });
   * ```
   */
  update(slug: string, patch: AlliancePatch, options?: RequestOptions): Promise<Alliance>;
  /**
   * Deletes an alliance (admin keys only).
   *
   * @example
   * ```ts
   * await client.alliances.delete('fachkraefteallianz-test');
   * ```
   */
  delete(slug: string, options?: RequestOptions): Promise<void>;
  /**
   * Imports the events of an iCalendar file into the alliance; with `dryRun` only reports what
   * would happen. Idempotent by UID.
   *
   * @example
   * ```ts
   * const report = await client.alliances.importIcs('fachkraefteallianz-suedwest', icsText, { dryRun: true });
   * console.log(report.added.map((e) => e.title));
   * ```
   */
  importIcs(slug: string, calendar: string, options?: ImportOptions): Promise<ImportReport>;
}

/** Builds the admin client's `client.alliances` on a transport. */
export function allianceAdminResource(http: Transport): AllianceAdminResource {
  return {
    ...alliancesResource(http),
    create: (input, options) => http.send('POST', '/alliances', input, Alliance, options),
    update: async (slug, patch, options) => http.send('PATCH', `/alliances/${segment(slug)}`, patch, Alliance, options),
    delete: async (slug, options) => http.send('DELETE', `/alliances/${segment(slug)}`, undefined, null, options),
    importIcs: async (slug, calendar, options) =>
      http.send('POST', `/alliances/${segment(slug)}/imports${options?.dryRun ? '?dryRun=true' : ''}`, new Blob([calendar], { type: 'text/calendar' }), ImportReport, options),
  };
}
