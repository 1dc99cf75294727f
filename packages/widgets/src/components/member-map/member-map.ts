/**
 * Registers `<fk-member-map>`. Import this module for the element; import
 * `member-map.component.js` for the class without registering it.
 *
 * @module
 */
import { defineElement } from '../../internal/define.js';
import FkMemberMap from './member-map.component.js';

export { FkMemberMap };
export default FkMemberMap;

defineElement('fk-member-map', FkMemberMap);

declare global {
  interface HTMLElementTagNameMap {
    'fk-member-map': FkMemberMap;
  }
}
