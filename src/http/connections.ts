// What a client may hold: a connection is cut when the client owes bytes and sends none for
// http.idle_timeout (a request body that stalls, a response it stops reading), and no client
// address holds more than http.max_connections_per_client connections at once.
//
// Node's own tools, as they behave on Node 20 (checked with a body trickled over a raw socket):
// - headersTimeout bounds the time to receive a request's headers (408, then close); it is
//   checked every connectionsCheckingInterval and leaves idle keep-alive connections alone.
// - requestTimeout bounds the whole request, body included: it would cut a slow multi-GiB upload,
//   so it stays 0.
// - server.setTimeout (fastify's connectionTimeout) is an inactivity timer on the socket,
//   re-armed by every byte read (also when the HTTP parser consumes the socket directly) or
//   written. Left alone it destroys the socket, which would also cut a request the server is
//   still working on (a sha512 re-hash, a wait for the database) while the client, rightly,
//   sends nothing. So a 'timeout' listener decides, below.
import type { Server, IncomingMessage, ServerResponse } from 'node:http'
import { BlockList, isIPv4, isIPv6, type Socket } from 'node:net'
import type { Logger } from 'pino'

export type ConnectionLimits = {
  idleMs: number
  /** 0: no limit. */
  maxPerClient: number
  /** Peers not limited by address (a reverse proxy carries many clients); see trustedPeers. */
  trusted: BlockList
  log: Logger
  onRefused?: () => void
}

type InFlight = { req: IncomingMessage; res: ServerResponse }

export function guardConnections(server: Server, limits: ConnectionLimits): void {
  const inFlight = new WeakMap<Socket, InFlight>()
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket
    inFlight.set(socket, { req, res })
    res.once('close', () => {
      if (inFlight.get(socket)?.res === res) inFlight.delete(socket)
      // Answered before its body was read (a 401 to an upload): Node reads the rest to reach the
      // next request, under keepAliveTimeout, which it has just set. Silence there is the client's.
      if (!req.complete && !socket.destroyed) socket.setTimeout(limits.idleMs)
    })
  })

  // Called after idleMs without a byte in either direction (after keepAliveTimeout between requests).
  server.on('timeout', (socket: Socket) => {
    const current = inFlight.get(socket)
    const clientOwesBytes = !current // between requests, or headers not complete
      // the body is wanted (flowing) but does not come; a body we paused (slow disk) or have not
      // started to read yet is our doing, not the client's
      || (!current.req.complete && current.req.readableFlowing === true)
      // the answer is written but the client does not take it
      || socket.writableLength > 0
    if (clientOwesBytes) {
      socket.destroy()
      return
    }
    // the server is at work: look again after another idle period
    socket.setTimeout(limits.idleMs)
  })

  if (limits.maxPerClient > 0) {
    const open = new Map<string, number>()
    server.on('connection', (socket: Socket) => {
      const address = clientAddress(socket)
      if (address === undefined || limits.trusted.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) return
      const n = (open.get(address) ?? 0) + 1
      if (n > limits.maxPerClient) {
        // before a byte is read: no parsing, no authentication, no work
        socket.destroy()
        limits.onRefused?.()
        limits.log.debug({ address, limit: limits.maxPerClient }, 'connection refused: too many from this address')
        return
      }
      open.set(address, n)
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1
        if (left > 0) open.set(address, left)
        else open.delete(address)
      })
    })
  }
}

/** The peer's address, an IPv4-mapped IPv6 address (::ffff:10.0.0.1) as the IPv4 one. */
function clientAddress(socket: Socket): string | undefined {
  const a = socket.remoteAddress
  if (!a) return undefined
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)
  return mapped ? mapped[1] : a
}

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

/** http.trusted_proxies (addresses, CIDR blocks, proxy-addr's range names) as a BlockList to check peers against. */
export function trustedPeers(entries: string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries.flatMap((e) => NAMED_RANGES[e] ?? [e])) {
    const [address, bits] = entry.split('/') as [string, string | undefined]
    const type = isIPv6(address) ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return list
}
