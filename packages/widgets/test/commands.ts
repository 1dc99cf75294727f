// The browser side of web-test-runner's built-in server commands (send-keys, emulate-media), in a
// few lines: @web/test-runner-commands is not a dependency of this package, the plugins that
// answer these commands are part of every test run.

async function serverCommand(command: string, payload: unknown): Promise<unknown> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const socket = (await import(/* @vite-ignore */ '/__web-dev-server__web-socket.js' as string)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result: unknown }>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`command ${command} was not executed`);
  return response.result;
}

/** Presses a key (`Tab`, `Enter`, `Shift+Tab`) or types text, as a real keyboard would. */
export function sendKeys(keys: { press: string } | { type: string } | { down: string } | { up: string }): Promise<unknown> {
  return serverCommand('send-keys', keys);
}

/** Emulates a media feature, e.g. `{ colorScheme: 'dark' }`. */
export function emulateMedia(media: { colorScheme?: 'dark' | 'light'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<unknown> {
  return serverCommand('emulate-media', media);
}
