// Upload purging with many instances: one purges at a time, under deps.locks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { loadConfig } from '../config/load.js'
import { openDeps } from '../deps.js'
import { TEST_PASSWORD_COST } from '../../test/helpers/berth.js'
import { PURGE_LOCK, purgeOnce } from './upload-purging.js'
import { appendUpload, startUpload, uploadStatus } from './uploads.js'

test('an instance skips purging while another holds the purge lock, and purges once it is free', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-purge-'))
  const deps = await openDeps(loadConfig({ file: null, env: {}, overrides: { data_volume: dataDir, log: { level: 'silent' } } }), { passwordCost: TEST_PASSWORD_COST })
  try {
    const up = await startUpload(deps, 'library/app', 'admin')
    await appendUpload(deps, 'library/app', up.id, Readable.from([Buffer.alloc(10, 1)]))
    const later = new Date(Date.now() + 86_400_000)
    const other = await deps.locks.tryAcquire(PURGE_LOCK, 60_000) // another instance is purging
    assert.ok(other)
    assert.equal(await purgeOnce(deps, later), null)
    assert.equal((await uploadStatus(deps, 'library/app', up.id)).size, 10, 'nothing was purged')
    await other.release()
    assert.equal(await purgeOnce(deps, later), 1)
    await assert.rejects(uploadStatus(deps, 'library/app', up.id))
    assert.ok(await deps.locks.tryAcquire(PURGE_LOCK, 1000), 'the purge released its lock')
  } finally {
    await deps.close()
    await rm(dataDir, { recursive: true, force: true })
  }
})
