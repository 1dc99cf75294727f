/**
 * Registers `<fk-event-calendar>`. Import this module for the element; import
 * `event-calendar.component.js` for the class without registering it.
 *
 * @module
 */
import { defineElement } from '../../internal/define.js';
import FkEventCalendar from './event-calendar.component.js';

export { FkEventCalendar };
export default FkEventCalendar;

defineElement('fk-event-calendar', FkEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'fk-event-calendar': FkEventCalendar;
  }
}
