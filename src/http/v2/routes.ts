// One table of /v2 routes built from the spec's grammars (as distribution's
// registry/api/v2/descriptors.go). Names contain slashes, so this table is ours, not the router's.

export type V2Route =
  | { route: 'base' }
  | { route: 'catalog' }
  | { route: 'tags'; name: string }
  | { route: 'manifest'; name: string; reference: string }
  | { route: 'blob'; name: string; digest: string }
  | { route: 'uploads'; name: string }
  | { route: 'upload'; name: string; id: string }
  | { route: 'referrers'; name: string; digest: string }

export const ROUTE_METHODS: Record<V2Route['route'], readonly string[]> = {
  base: ['GET', 'HEAD'],
  catalog: ['GET'],
  tags: ['GET'],
  manifest: ['GET', 'HEAD', 'PUT', 'DELETE'],
  blob: ['GET', 'HEAD', 'DELETE'],
  uploads: ['POST'],
  upload: ['GET', 'PATCH', 'PUT', 'DELETE'],
  referrers: ['GET'],
}

// Longest name wins, as in distribution: `(.+)` is greedy and each suffix is anchored.
const TABLE: Array<[RegExp, (m: RegExpExecArray) => V2Route]> = [
  [/^(.+)\/tags\/list$/, (m) => ({ route: 'tags', name: m[1]! })],
  [/^(.+)\/manifests\/([^/]+)$/, (m) => ({ route: 'manifest', name: m[1]!, reference: m[2]! })],
  [/^(.+)\/blobs\/uploads\/?$/, (m) => ({ route: 'uploads', name: m[1]! })],
  [/^(.+)\/blobs\/uploads\/([^/]+)$/, (m) => ({ route: 'upload', name: m[1]!, id: m[2]! })],
  [/^(.+)\/blobs\/([^/]+)$/, (m) => ({ route: 'blob', name: m[1]!, digest: m[2]! })],
  [/^(.+)\/referrers\/([^/]+)$/, (m) => ({ route: 'referrers', name: m[1]!, digest: m[2]! })],
]

/** Matches a request path (no query string) under /v2; null when it names no endpoint. */
export function matchV2Path(path: string): V2Route | null {
  if (path === '/v2' || path === '/v2/') return { route: 'base' }
  if (!path.startsWith('/v2/')) return null
  const rest = path.slice(4)
  if (rest === '_catalog') return { route: 'catalog' }
  for (const [pattern, build] of TABLE) {
    const m = pattern.exec(rest)
    if (m) return build(m)
  }
  return null
}
