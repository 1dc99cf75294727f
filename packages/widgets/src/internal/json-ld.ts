import type { Alliance, Member } from '@fachkraefte/schema';
import { safeHttpUrl } from './safe-url.js';

/** schema.org `Organization` for an alliance, its members as `member`. */
export function allianceJsonLd(alliance: Alliance, members: readonly Member[]): Record<string, unknown> {
  const url = safeHttpUrl(alliance.website);
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: alliance.name,
    ...(alliance.description ? { description: alliance.description } : {}),
    ...(url ? { url } : {}),
    ...(alliance.founded ? { foundingDate: alliance.founded } : {}),
    ...(alliance.areas.length ? { areaServed: alliance.areas.map((name) => ({ '@type': 'AdministrativeArea', name })) } : {}),
    member: members.map((m) => {
      const site = safeHttpUrl(m.website);
      return {
        '@type': m.type === 'gemeinde' || m.type === 'landkreis' || m.type === 'landesbehoerde' ? 'GovernmentOrganization' : 'Organization',
        name: m.name,
        ...(site ? { url: site } : {}),
        ...(m.address ? { address: { '@type': 'PostalAddress', addressLocality: m.address.locality, addressCountry: 'DE', ...(m.address.postalCode ? { postalCode: m.address.postalCode } : {}), ...(m.address.streetAddress ? { streetAddress: m.address.streetAddress } : {}) } } : {}),
      };
    }),
  };
}

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">`. `<`, `>` and `&` are escaped so
 * that API text such as `</script>` cannot end the block when the DOM is serialised (SSR caches,
 * crawlers that read `outerHTML`).
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Writes (or replaces, or with `null` removes) the widget's JSON-LD block in its light DOM. A data
 * block is not executed, so a strict CSP does not apply to it; it is created through the DOM, never
 * through HTML parsing.
 */
export function writeJsonLd(host: HTMLElement, data: unknown | null): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-fk]');
  if (data === null) {
    script?.remove();
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.fk = '';
    host.append(script);
  }
  const text = serializeJsonLd(data);
  if (script.textContent !== text) script.textContent = text;
}
