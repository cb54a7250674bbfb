import { tmpdir } from 'node:os';
import type { RecordedRequest } from '../../test/adapters/discord/fake-discord.js';
import { type RecordedApp, recordedApp } from '../../test/app/support/recorded-app.js';

export type LoadApp = RecordedApp;

/** The app as main.ts builds it, from these variables, logging to memory (info and up); its store in a fresh directory under `storeRoot`. */
export function loadApp(env: Record<string, string>, storeRoot = tmpdir()): LoadApp {
  return recordedApp(env, { dataRoot: storeRoot, level: 'info' });
}

/** The request that put final content on screen for an interaction: a direct reply, or the edit of a deferral, or a follow-up. */
export function finalContentOf(requests: readonly RecordedRequest[], token: string): RecordedRequest | undefined {
  return requests.find(
    (r) =>
      r.path.includes(token) &&
      ((r.method === 'POST' && r.body?.type === 4) || r.method === 'PATCH' || (r.method === 'POST' && r.body?.type === undefined)),
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
