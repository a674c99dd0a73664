// Reused read buffers for the blob read path: touching freshly allocated memory costs more
// than copying through a warm buffer, so buffers go back to a pool once a socket has taken them.
// Two sizes: small blobs (most layers and configs) take 64 KiB buffers, so a burst of small
// reads never allocates megabytes; large blobs take 4 MiB ones, fewer syscalls per byte.
const SMALL = 64 * 1024
const LARGE = 4 * 1024 * 1024
const pools = new Map<number, { buffers: Buffer[]; max: number }>([
  [SMALL, { buffers: [], max: 256 }], // ≤ 16 MiB kept
  [LARGE, { buffers: [], max: 8 }], // ≤ 32 MiB kept
])

/** A buffer for reading up to `want` bytes (it may be smaller: read in a loop). */
export function takeBuffer(want: number): Buffer {
  const size = want <= SMALL ? SMALL : LARGE
  return pools.get(size)!.buffers.pop() ?? Buffer.allocUnsafeSlow(size)
}

export function giveBuffer(buf: Buffer): void {
  const pool = pools.get(buf.length)
  if (pool && pool.buffers.length < pool.max) pool.buffers.push(buf)
}
