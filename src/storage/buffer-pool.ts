// Reused read buffers for the blob read path: touching freshly allocated memory costs more
// than copying through a warm buffer, so buffers go back to a pool once a socket has taken them.
export const CHUNK_SIZE = 1024 * 1024
const MAX_POOLED = 32
const pool: Buffer[] = []

export function takeBuffer(): Buffer {
  return pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE)
}

export function giveBuffer(buf: Buffer): void {
  if (pool.length < MAX_POOLED && buf.length === CHUNK_SIZE) pool.push(buf)
}
