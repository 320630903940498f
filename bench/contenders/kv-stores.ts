/**
 * The two KV namespaces the `kv` rows read from. `createMapKv` is in-process:
 * a Map of strings (the cert cache serialises entries to JSON on put and
 * parses them on get, as with real KV), so its row is our own cost with no I/O.
 * `startMiniflareKv` is a real local Workers KV: Miniflare runs workerd in a
 * child process and every `get` crosses a loopback HTTP boundary to it, so its
 * row includes that round trip. `copyKv` fills one namespace from another.
 */
import { Miniflare } from "miniflare";
import type { KVNamespaceLike } from "../../src/index.js";

export interface MapKv extends KVNamespaceLike {
  readonly entries: () => ReadonlyArray<readonly [key: string, value: string, expirationTtl: number]>;
}

export function createMapKv(): MapKv {
  const store = new Map<string, { value: string; expirationTtl: number }>();
  return {
    get: async (key) => store.get(key)?.value ?? null,
    put: async (key, value, options) => {
      store.set(key, { value, expirationTtl: options?.expirationTtl ?? 0 });
    },
    entries: () => [...store].map(([key, { value, expirationTtl }]) => [key, value, expirationTtl] as const),
  };
}

export interface MiniflareKv {
  readonly kv: KVNamespaceLike;
  /** Stops workerd; safe to call more than once. */
  readonly dispose: () => Promise<void>;
}

export async function startMiniflareKv(): Promise<MiniflareKv> {
  const mf = new Miniflare({ modules: true, script: "export default {}", kvNamespaces: ["KV"] });
  let disposed: Promise<void> | undefined;
  try {
    const namespace = await mf.getKVNamespace("KV");
    return {
      kv: {
        get: (key, type) => namespace.get(key, type),
        put: (key, value, options) => namespace.put(key, value, options),
      },
      dispose: () => (disposed ??= mf.dispose()),
    };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

export async function copyKv(from: MapKv, to: KVNamespaceLike): Promise<number> {
  const entries = from.entries();
  for (const [key, value, expirationTtl] of entries) await to.put(key, value, { expirationTtl });
  return entries.length;
}
