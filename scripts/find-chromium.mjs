import { existsSync } from 'node:fs';

/** The Chromium the browser tests use: CHROME_PATH, else the usual install paths; null if none. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
