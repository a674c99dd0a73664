// Cache invalidation across instances. Every instance keeps caches in process (registry lookups,
// authentication and roles, settings); a write must empty the entries it changed on every
// instance before it is acknowledged, or another instance answers from a stale entry. One
// instance needs nothing more than clearing its own caches (the in-process bus); many share a
// bus in Redis (src/cache/redis-invalidations.ts).
//
// The protocol, for a write on instance A and a read on instance B:
//   A: commit → clear its own entries → publish(what) → answer the client.
//   B: at the start of each request, sync() → its caches hold nothing that changed before then.
// publish resolves only once the invalidation has a place in the shared order, and sync waits
// until this instance has applied everything up to the current place; when it cannot know
// (Redis unreachable, a message lost), it clears its caches wholesale, so it serves from the
// database rather than from a cache it cannot trust.

/** What a write changed, by entity: every instance empties the matching cache entries. */
export type Invalidation =
  /** the tags of a repository (moved, added or deleted), with its tag list */
  | { kind: 'tags'; repository: string; tags: string[] }
  /** artifacts that left the repository (their metadata and manifest links) */
  | { kind: 'artifacts'; repository: string; digests: string[] }
  /** blob links of the repository */
  | { kind: 'links'; repository: string; digests: string[] }
  /** the repository went wholesale */
  | { kind: 'repository'; repository: string }
  /** who may do what: users, robots, projects, members */
  | { kind: 'auth' }
  /** runtime settings (PUT /api/v2.0/configurations) */
  | { kind: 'settings' }
  /** everything (a lost message, a debt after Redis was unreachable) */
  | { kind: 'all' }

export interface InvalidationBus {
  /**
   * Makes `what` reach every other instance (the caller has already cleared its own caches).
   * Resolves once any instance's sync() begun afterwards will apply it first; rejects when that
   * cannot be promised (the write must then not be acknowledged as done).
   */
  publish(what: Invalidation): Promise<void>
  /**
   * Resolves once this instance has applied every invalidation published before the call, or,
   * when it cannot know, has cleared its caches wholesale. Never rejects.
   */
  sync(): Promise<void>
  close(): Promise<void>
}

/** One instance: its callers clear their own caches, and there is nobody else to tell. */
export function createLocalInvalidations(): InvalidationBus {
  return {
    async publish() {},
    async sync() {},
    async close() {},
  }
}
