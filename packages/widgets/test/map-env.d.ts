// `fk-map-env` is served by the fk-map-fixtures plugin (test/map-fixtures.mjs).
declare module 'fk-map-env' {
  /** Origin of the local fixture tile server (a host of its own, like a third-party tile host). */
  export const TILES: string;
  /** Origin of the map data server (many positioned members, hostile members). */
  export const MAPDATA: string;
}
