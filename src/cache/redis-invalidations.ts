// The invalidation bus in Redis (see src/cache/invalidations.ts for the protocol). A publication
// is one Lua script: INCR of a sequence key and PUBLISH of "<seq> <message>", atomically, so the
// order of sequence numbers is the order in which every subscriber receives the messages. An
// instance remembers the highest sequence it has applied; sync() reads the current sequence (one
// GET) and waits until its subscriber has caught up. A gap in the sequence (messages lost while
// the subscriber reconnected), a wait that runs out, or Redis unreachable: the instance clears
// its caches wholesale ({ kind: 'all' }) and counts itself caught up to what it read.
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Invalidation, InvalidationBus } from './invalidations.js'
import { luaScript } from './redis.js'

// KEYS[1] the sequence; ARGV: channel, message
const publishScript = luaScript(`
local seq = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], seq .. ' ' .. ARGV[2])
return seq
`)

type Message = { from: string; what: Invalidation }

/**
 * `apply` empties this instance's caches for an invalidation another instance published (or for
 * { kind: 'all' }); it must be synchronous. `waitMs` bounds how long sync() waits for the
 * subscriber before clearing everything instead.
 */
export async function createRedisInvalidations(opts: {
  commands: Redis
  subscriber: Redis
  prefix: string
  log: Logger
  apply: (what: Invalidation) => void
  waitMs?: number
}): Promise<InvalidationBus> {
  const { commands, subscriber, log } = opts
  const seqKey = `${opts.prefix}invalidation:seq`
  const channel = `${opts.prefix}invalidations`
  const waitMs = opts.waitMs ?? 200
  const me = randomUUID()
  /** the highest sequence whose invalidation (or a wholesale clear after it) this instance applied */
  let applied = 0
  /** the subscriber is connected and subscribed; while it is not, nothing remote is trusted */
  let listening = false
  /** a publication failed: everything must be invalidated everywhere once Redis answers again */
  let owed = false
  const waiters = new Set<{ seq: number; done(): void }>()

  const caughtUp = (seq: number) => {
    if (seq <= applied) return
    applied = seq
    for (const w of waiters) if (w.seq <= applied) { waiters.delete(w); w.done() }
  }
  const readSeq = async () => Number((await commands.get(seqKey)) ?? 0)

  // Requests arriving together share one GET: a read of the sequence serves every sync() that
  // began before the read was sent (a write acknowledged before such a sync is counted in it),
  // never one that began after. A sync arriving while a read is on its way waits for the next
  // one, which starts as soon as that read is answered: at most two reads per burst, not one per request.
  let inFlight: Promise<number> | null = null
  let next: Promise<number> | null = null
  const startRead = (): Promise<number> => {
    const read = readSeq()
    inFlight = read
    const settled = () => { if (inFlight === read) inFlight = null }
    read.then(settled, settled)
    return read
  }
  const freshSeq = (): Promise<number> => {
    if (!inFlight) return startRead()
    next ??= inFlight.then(() => {}, () => {}).then(() => {
      next = null
      return startRead()
    })
    return next
  }
  /** Clears everything, then counts as applied whatever had been published before `seq` was read. */
  const clearUpTo = (seq: number) => {
    opts.apply({ kind: 'all' })
    caughtUp(seq)
  }

  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return
    const space = raw.indexOf(' ')
    const seq = Number(raw.slice(0, space))
    let message: Message
    try {
      message = JSON.parse(raw.slice(space + 1)) as Message
    } catch {
      return clearUpTo(seq)
    }
    // Redis delivers in publication order: a sequence past the next one means messages were lost
    if (seq > applied + 1) opts.apply({ kind: 'all' })
    else if (message.from !== me) opts.apply(message.what)
    caughtUp(seq)
  })
  let lost = false
  subscriber.on('close', () => { listening = false; lost = true })
  subscriber.on('ready', () => {
    if (!lost) return
    lost = false
    // ioredis subscribes again after a reconnection; what was published meanwhile is lost
    void readSeq().then((seq) => {
      clearUpTo(seq)
      listening = true
    }, () => {})
  })

  await subscriber.subscribe(channel)
  caughtUp(await readSeq())
  listening = true

  const publish = async (what: Invalidation) => {
    await publishScript(commands, [seqKey], [channel, JSON.stringify({ from: me, what } satisfies Message)])
  }

  return {
    async publish(what) {
      try {
        await publish(what)
      } catch (err) {
        owed = true
        log.error({ err: (err as Error).message, what: what.kind }, 'cannot publish a cache invalidation to the other instances')
        throw err
      }
    },

    async sync() {
      if (!listening || subscriber.status !== 'ready' || commands.status !== 'ready') return opts.apply({ kind: 'all' })
      let seq: number
      try {
        if (owed) {
          await publish({ kind: 'all' })
          owed = false
        }
        seq = await freshSeq()
      } catch {
        return opts.apply({ kind: 'all' })
      }
      if (seq <= applied) return
      // the message is on its way (it was published before our GET was answered): wait for it
      await new Promise<void>((resolve) => {
        const w = { seq, done: () => { clearTimeout(timer); resolve() } }
        const timer = setTimeout(() => { waiters.delete(w); clearUpTo(seq); resolve() }, waitMs)
        waiters.add(w)
      })
    },

    async close() {
      for (const w of waiters) w.done()
      waiters.clear()
    },
  }
}
