// Login throttling. Failures slow down where they come from, never the user elsewhere: they are
// counted per client address and user name together (guessing one user's password), and per
// address across all names (password spraying). Past a scope's free failures, each further one
// doubles the wait before that address may try again (1 s, 2 s, 4 s … up to max_delay_seconds),
// so a guesser from one address gets a few dozen tries an hour while the real user, from another
// address, logs in at once. The state is counters with expiry (deps.counters), in process now and
// shared in Redis when Berth scales out.
//
// Every attempt past the free failures is charged before its password is checked and must take
// the scope's one slot, so parallel requests cannot slip past the wait (the first takes the
// slot, the rest are refused); a right password gives the charge back.
import { createHash } from 'node:crypto'
import { isIPv6 } from 'node:net'
import type { Deps } from '../deps.js'

export type Throttled = { retryAfter: number; scope: 'user' | 'address' }

/** A charged attempt: settle it with `succeeded` or `failed` once the password is checked. */
export type Attempt = { pair: string; address: string; tookAddressSlot: boolean }

/** Keys: f:… failures (expire forget_seconds after the last), w:… a wait (expires when it ends). */
const failuresKey = (scope: string) => `login:f:${scope}`
const waitKey = (scope: string) => `login:w:${scope}`

/**
 * The throttling identity of a client address: an IPv4 address itself, an IPv6 address by its
 * /64 (one subscriber commonly holds a whole /64, so single addresses would be free to rotate).
 */
export function addressScope(ip: string): string {
  const bare = ip.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return mapped[1]!
  if (!isIPv6(bare)) return bare
  const [head, tail] = bare.includes('::') ? bare.split('::') as [string, string] : [bare, undefined]
  const groups = head ? head.split(':') : []
  if (tail !== undefined) {
    const after = tail ? tail.split(':') : []
    const width = after.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0)
    groups.push(...Array<string>(8 - groups.length - width).fill('0'))
  }
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`
}

/** Names are hashed: the key length does not depend on what an attacker sends. */
const nameScope = (username: string) => createHash('sha256').update(username).digest('base64url').slice(0, 22)

/** The wait after the `beyond`-th failure past the free ones: 1 s, doubling, capped. */
function waitMs(deps: Deps, beyond: number): number {
  const max = deps.config.auth.login_throttle.max_delay_seconds * 1000
  return beyond > 20 ? max : Math.min(1000 * 2 ** (beyond - 1), max)
}

const secondsUntil = (deps: Deps, at: number) => Math.max(1, Math.ceil((at - deps.clock.now().getTime()) / 1000))

const scopesOf = (username: string, clientIp: string) => {
  const address = addressScope(clientIp)
  return { address, pair: `${address}|${nameScope(username)}` }
}

/**
 * How long `clientIp` must still wait before it may try `username`, or null. Whatever would accept
 * a password without checking it again (the credentials cache) asks this first, or it would
 * answer the guesses of a waiting address.
 */
export function currentWait(deps: Deps, username: string, clientIp: string): Promise<Throttled | null> {
  return waitOf(deps, scopesOf(username, clientIp))
}

async function waitOf(deps: Deps, { address, pair }: { address: string; pair: string }): Promise<Throttled | null> {
  for (const [scope, which] of [[pair, 'user'], [address, 'address']] as const) {
    const wait = await deps.counters.get(waitKey(scope))
    if (wait) return { retryAfter: secondsUntil(deps, wait.expiresAt), scope: which }
  }
  return null
}

/**
 * Charges an attempt of `username` from `clientIp`, or says how long the address must wait first.
 * Throttled attempts never reach the password check (nor cost its hash).
 */
export async function chargeAttempt(deps: Deps, username: string, clientIp: string): Promise<Attempt | Throttled> {
  const { counters } = deps
  const t = deps.config.auth.login_throttle
  const forget = t.forget_seconds * 1000
  const scopes = scopesOf(username, clientIp)
  const { address, pair } = scopes
  const waiting = await waitOf(deps, scopes)
  if (waiting) return waiting
  const n = await counters.increment(failuresKey(pair), forget)
  const m = await counters.increment(failuresKey(address), forget)
  let tookAddressSlot = false
  if (n > t.free_failures && !(await takeSlot(deps, pair, waitMs(deps, n - t.free_failures)))) {
    return refuseRace(deps, pair, address, 'user')
  }
  if (m > t.address_free_failures) {
    if (!(await takeSlot(deps, address, waitMs(deps, m - t.address_free_failures)))) return refuseRace(deps, pair, address, 'address')
    tookAddressSlot = true
  }
  return { pair, address, tookAddressSlot }
}

/** Starts the scope's wait; false when another attempt started it first (and holds the slot). */
async function takeSlot(deps: Deps, scope: string, ms: number): Promise<boolean> {
  return (await deps.counters.increment(waitKey(scope), ms)) === 1
}

/** Lost the race for a slot: this attempt was never checked, so it is not a failure either. */
async function refuseRace(deps: Deps, pair: string, address: string, scope: Throttled['scope']): Promise<Throttled> {
  const forget = deps.config.auth.login_throttle.forget_seconds * 1000
  await deps.counters.increment(failuresKey(pair), forget, -1)
  await deps.counters.increment(failuresKey(address), forget, -1)
  const wait = await deps.counters.get(waitKey(scope === 'user' ? pair : address))
  return { retryAfter: wait ? secondsUntil(deps, wait.expiresAt) : 1, scope }
}

/** The right password: this address and user start afresh, and the address gets its charge back. */
export async function attemptSucceeded(deps: Deps, attempt: Attempt): Promise<void> {
  await deps.counters.delete(failuresKey(attempt.pair))
  await deps.counters.delete(waitKey(attempt.pair))
  await deps.counters.increment(failuresKey(attempt.address), deps.config.auth.login_throttle.forget_seconds * 1000, -1)
  if (attempt.tookAddressSlot) await deps.counters.delete(waitKey(attempt.address))
}

/** A wrong password: the charge stands. Returns the waits it started, for the log. */
export async function attemptFailed(deps: Deps, attempt: Attempt): Promise<Array<{ scope: Throttled['scope']; seconds: number }>> {
  const started: Array<{ scope: Throttled['scope']; seconds: number }> = []
  for (const [scope, which] of [[attempt.pair, 'user'], [attempt.address, 'address']] as const) {
    const wait = await deps.counters.get(waitKey(scope))
    if (wait) started.push({ scope: which, seconds: secondsUntil(deps, wait.expiresAt) })
  }
  return started
}
