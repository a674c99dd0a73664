// Passwords: scrypt with a per-password salt (a slow, memory-hard hash from node:crypto), and
// Harbor's rule: at least 8 characters with an upper-case letter, a lower-case letter and a digit.
// Stored as `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64), so hashes of any cost still verify
// and a login can tell when a stored hash is weaker than today's and make it anew.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'

export type ScryptCost = { logN: number; r: number; p: number }

/**
 * OWASP's Password Storage Cheat Sheet recommends scrypt at N=2^17, r=8, p=1, or one of its
 * equivalents trading memory for passes: 2^16/p=2, 2^15/p=3, 2^14/p=5, 2^13/p=10. Memory per
 * hash is 128·N·r bytes (the p passes reuse it), and Node runs hashes on libuv's pool of four
 * threads, so four logins at once hold 4 × that: 512 MiB at 2^17, 64 MiB at 2^14. A registry
 * must not grow by half a GiB under a burst of logins (an attacker's, too), so 2^14/p=5:
 * 16 MiB per login, the same protection by OWASP's measure, about 5× the CPU of the old 2^14/p=1.
 */
export const PASSWORD_COST: ScryptCost = { logN: 14, r: 8, p: 5 }

const KEY_LENGTH = 32
/** Bounds of what verification accepts: every cost Berth ever wrote, nothing that could exhaust memory. */
const ACCEPTED = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const
const MAX_MEMORY = 256 * 1024 * 1024

const costLabel = (c: ScryptCost) => `N=2^${c.logN},r=${c.r},p=${c.p}`
const runs = new Map<string, number>()

/** How many scrypt computations of each cost this process ran ('N=2^14,r=8,p=5' → n): /metrics shows them. */
export function scryptRuns(): ReadonlyMap<string, number> {
  return runs
}

function scrypt(password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  const label = costLabel(cost)
  runs.set(label, (runs.get(label) ?? 0) + 1)
  const N = 2 ** cost.logN
  const opts = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r + 2 * 1024 * 1024 }
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))))
}

export async function hashPassword(password: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LENGTH, cost)
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

type Parsed = { cost: ScryptCost; salt: Buffer; key: Buffer }

function parse(stored: string): Parsed | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi
  if (!within(logN, ACCEPTED.logN) || !within(r, ACCEPTED.r) || !within(p, ACCEPTED.p) || 128 * 2 ** logN * r > MAX_MEMORY) return null
  const salt = Buffer.from(parts[4]!, 'base64')
  const key = Buffer.from(parts[5]!, 'base64')
  return salt.length && key.length ? { cost: { logN, r, p }, salt, key } : null
}

/** Constant-time check against a stored hash; false for malformed or empty hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.cost)
  return timingSafeEqual(key, parsed.key)
}

/**
 * Checks `password` against `stored`; when there is no usable hash (an unknown user or robot, a
 * user without a password) spends what a check at `cost` spends and fails, so that such names
 * answer no sooner than a known one with a wrong password: the time tells nothing about who exists.
 */
export async function verifyOrSpend(password: string, stored: string | null | undefined, cost: ScryptCost): Promise<boolean> {
  if (stored && parse(stored)) return verifyPassword(password, stored)
  await scrypt(password, randomBytes(16), KEY_LENGTH, cost)
  return false
}

/** Whether a hash that just verified was made at another cost than `cost`, and should be made anew. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parse(stored)
  return !parsed || parsed.cost.logN !== cost.logN || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p || parsed.key.length !== KEY_LENGTH
}

/** Harbor's password rule; returns the reason a password is refused, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8 || password.length > 128) return 'the password must be 8 to 128 characters long'
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/[0-9]/.test(password)) {
    return 'the password must contain at least one upper-case letter, one lower-case letter and one digit'
  }
  return null
}

/** A random secret for robots and generated passwords that satisfies the rule above. */
export function generateSecret(length = 32): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  for (;;) {
    const bytes = randomBytes(length)
    const s = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
    if (passwordProblem(s) === null) return s
  }
}
