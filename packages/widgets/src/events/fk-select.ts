import type { Alliance, Member } from '@fachkraefte/schema';

/** The `detail` of an `fk-select` event: what the visitor chose. */
export type FkSelectDetail =
  | { type: 'alliance'; slug: string; alliance: Alliance }
  | { type: 'organisation'; id: string; organisation: Member; alliance: string };

/**
 * Dispatched (bubbling, composed, cancelable) when a visitor chooses an alliance or an organisation.
 * Calling `preventDefault()` keeps the widget where it is, so a host page can route on its own.
 */
export type FkSelectEvent = CustomEvent<FkSelectDetail>;

/** Creates an `fk-select` event. */
export function fkSelectEvent(detail: FkSelectDetail): FkSelectEvent {
  return new CustomEvent('fk-select', { detail, bubbles: true, composed: true, cancelable: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-select': FkSelectEvent;
  }
}
