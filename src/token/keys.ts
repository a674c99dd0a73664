// The key that signs registry tokens: configured, or an EC P-256 key generated at first start
// and kept (mode 0600) in the data directory, so tokens survive restarts.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; alg: 'ES256' | 'RS256'; kid: string }

export function loadOrCreateSigningKey(path: string): SigningKey {
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
  }
  const privateKey = createPrivateKey(readFileSync(path))
  const publicKey = createPublicKey(privateKey)
  let alg: SigningKey['alg']
  if (privateKey.asymmetricKeyType === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve === 'prime256v1') alg = 'ES256'
  else if (privateKey.asymmetricKeyType === 'rsa') alg = 'RS256'
  else throw new Error(`${path}: token signing key must be EC P-256 or RSA`)
  const der = publicKey.export({ type: 'spki', format: 'der' })
  const kid = createHash('sha256').update(der).digest('base64url').slice(0, 32)
  return { privateKey, publicKey, alg, kid }
}
