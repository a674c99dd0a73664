// `berth reset-password`: the way back in when the admin password is lost.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBerth } from '../helpers/berth.js'
import { backendEnv } from '../helpers/backend.js'

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../src/main.js')
// on the scale-out pass the command must reach the server's own database (BERTH_DATABASE_*)
let backend: Record<string, string> = {}
const berth = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [MAIN, ...args], { env: { ...process.env, BERTH_LOG_LEVEL: 'silent', ...backend, ...env }, encoding: 'utf8' })
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

test('reset-password sets a new admin password; bad input is refused with a plain message', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-cli-'))
  try {
    const first = await startBerth({ dataDir })
    await first.close()
    backend = await backendEnv(dataDir)

    const missing = berth(['reset-password', 'admin', '--data', dataDir])
    assert.equal(missing.status, 2)
    assert.match(missing.stderr, /BERTH_NEW_PASSWORD/)
    const weak = berth(['reset-password', 'admin', '--data', dataDir], { BERTH_NEW_PASSWORD: 'short' })
    assert.equal(weak.status, 2)
    const unknown = berth(['reset-password', 'nobody', '--data', dataDir], { BERTH_NEW_PASSWORD: 'Another1Pass' })
    assert.equal(unknown.status, 2)
    const ok = berth(['reset-password', 'admin', '--data', dataDir], { BERTH_NEW_PASSWORD: 'Another1Pass' })
    assert.equal(ok.status, 0, ok.stderr)

    const again = await startBerth({ dataDir })
    try {
      const withNew = await fetch(`${again.url}/api/v2.0/users/current`, { headers: { authorization: basic('admin', 'Another1Pass') } })
      assert.equal(withNew.status, 200)
      const withOld = await fetch(`${again.url}/api/v2.0/users/current`, { headers: { authorization: basic('admin', 'Harbor12345') } })
      assert.equal(withOld.status, 401)
    } finally {
      await again.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})
