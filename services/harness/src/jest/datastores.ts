import type { PostgresHandle } from '../postgres';
import type { RedisHandle } from '../redis';

/** What the global setup started, kept on globalThis so the teardown (loaded separately) finds it. */
export interface StartedDatastores {
  postgres?: PostgresHandle;
  redis?: RedisHandle;
}

const KEY = Symbol.for('@eks-sre-lab/harness/jest-datastores');

type Holder = { [KEY]?: StartedDatastores[] };

/** Each project's setup pushes its own entry; each teardown stops one. */
export function remember(started: StartedDatastores): void {
  const holder = globalThis as Holder;
  (holder[KEY] ??= []).push(started);
}

export function forgetAll(): StartedDatastores[] {
  const holder = globalThis as Holder;
  const all = holder[KEY] ?? [];
  holder[KEY] = [];
  return all;
}
