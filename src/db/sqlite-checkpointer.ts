// WAL checkpoints on a worker thread. A checkpoint copies the WAL into the database file and
// fsyncs it; on the main thread that fsync stalls every request behind it (hundreds of ms while
// the kernel is flushing a large upload). The main connection therefore never checkpoints
// (wal_autocheckpoint = 0) and this worker, with its own connection, does it once a second.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 5000')
let stopped = false
const tick = () => {
  if (stopped) return
  try {
    // PASSIVE never waits for readers or writers; whatever it cannot copy now waits for the next tick
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) })
  }
  setTimeout(tick, workerData.intervalMs)
}
parentPort.on('message', (m) => {
  if (m === 'stop') {
    stopped = true
    try { db.pragma('wal_checkpoint(TRUNCATE)') } catch {}
    db.close()
    parentPort.postMessage({ stopped: true })
  }
})
tick()
`

export type Checkpointer = { stop(): Promise<void> }

export function startCheckpointer(path: string, opts: { intervalMs: number; onError: (message: string) => void }): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs: opts.intervalMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  })
  worker.unref()
  worker.on('message', (m: { error?: string }) => { if (m.error) opts.onError(m.error) })
  worker.on('error', (err) => opts.onError(err.message))
  let exited = false
  worker.once('exit', () => { exited = true })
  let stopping: Promise<void> | null = null
  return {
    // idempotent: a second stop (deps closed twice) waits for the first
    stop() {
      stopping ??= (async () => {
        if (exited) return
        const done = new Promise<void>((resolve) => {
          worker.on('message', (m: { stopped?: boolean }) => { if (m.stopped) resolve() })
          worker.once('exit', () => resolve())
        })
        worker.postMessage('stop')
        await done
        await worker.terminate()
      })()
      return stopping
    },
  }
}

