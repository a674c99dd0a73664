// Passwords: scrypt with a per-password salt (a slow, memory-hard hash from node:crypto), and
// Harbor's rule: at least 8 characters with an upper-case letter, a lower-case letter and a digit.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))))

const LOG_N = 14
const R = 8
const P = 1
const KEY_LENGTH = 32

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LENGTH, { N: 1 << LOG_N, r: R, p: P, maxmem: 64 * 1024 * 1024 })
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** Constant-time check against a stored hash; false for malformed or empty hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (!(logN >= 10 && logN <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 4)) return false
  const salt = Buffer.from(parts[4]!, 'base64')
  const expected = Buffer.from(parts[5]!, 'base64')
  const key = await scrypt(password, salt, expected.length, { N: 1 << logN, r, p, maxmem: 256 * 1024 * 1024 })
  return key.length === expected.length && timingSafeEqual(key, expected)
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
