/**
 * The code behind `<fk-alliance-directory>`'s optional `history` and `json-ld` attributes, imported
 * with `import()` only by a directory that has one of them: the others never download it (in the
 * CDN build it is its own chunk).
 *
 * @module
 */
export { readHash, writeHash } from './hash-state.js';
export { allianceJsonLd, writeJsonLd } from '../../internal/json-ld.js';
