import { createServer } from 'node:net'

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

/** Polls `url` until it answers any HTTP status, or throws after `ms`. */
export async function waitForHttp(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      await fetch(url)
      return
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}
