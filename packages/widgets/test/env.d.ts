// `fk-test-env` is served by the fk-fixtures plugin of web-test-runner.config.mjs.
declare module 'fk-test-env' {
  /** Origin of the real reference server started for the test run. */
  export const API: string;
  /** Origin of the server that fails on purpose. */
  export const FAULTY: string;
}

// The mocha globals web-test-runner provides (@types/mocha is not installed; these are all we use).
type MochaFn = (this: unknown) => void | Promise<void>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
