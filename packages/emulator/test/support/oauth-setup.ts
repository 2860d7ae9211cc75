import type { RunningEmulator } from '../../src/index.js';
import { control } from './emulator-harness.js';
import type { HookReceiver } from './hook-receiver.js';

export interface InstalledApplication {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  applicationToken: string;
}

/** Points the fixture's application at a receiver and installs it as the admin. */
export async function installApplication(
  emulator: RunningEmulator,
  receiver: HookReceiver,
): Promise<InstalledApplication> {
  await control(emulator, 'PUT', '/application', {
    clientId: emulator.application.clientId,
    installUrl: `${receiver.url}/install`,
    appUrl: `${receiver.url}/app`,
  });
  const installed = await control(emulator, 'POST', '/application/install');
  const body = installed.body as Record<string, string>;
  return {
    clientId: emulator.application.clientId,
    clientSecret: emulator.application.clientSecret,
    accessToken: body.accessToken as string,
    refreshToken: body.refreshToken as string,
    applicationToken: body.applicationToken as string,
  };
}

export async function requestToken(emulator: RunningEmulator, params: Record<string, string>) {
  const response = await fetch(`${emulator.url}/oauth/token/?${new URLSearchParams(params)}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
