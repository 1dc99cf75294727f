/**
 * Registers `<fk-alliance-directory>`. Import this module for the element; import
 * `alliance-directory.component.js` for the class without registering it.
 *
 * @module
 */
import { defineElement } from '../../internal/define.js';
import FkAllianceDirectory from './alliance-directory.component.js';

export { FkAllianceDirectory };
export default FkAllianceDirectory;

defineElement('fk-alliance-directory', FkAllianceDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'fk-alliance-directory': FkAllianceDirectory;
  }
}
