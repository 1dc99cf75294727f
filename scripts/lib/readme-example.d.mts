/** The example under the install line of `<pkgDir>/README.md`, or null when the README does not open that way. */
export function readmeExample(pkgDir: string, name: string): string | null;
/** Runs `code` with Node (tsx) from inside `pkgDir` and returns what it printed. */
export function runExample(
  pkgDir: string, code: string, options?: { env?: Record<string, string>; timeout?: number },
): Promise<{ stdout: string; stderr: string; lines: string[] }>;
