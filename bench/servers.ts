// The two registries under test: Berth (`berth serve` as a child process) and Debian's
// docker-registry (CNCF distribution 2.8), behind one small interface.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDockerRegistry } from '../test/helpers/docker-registry.js'
import { freePort, waitForHttp } from '../test/helpers/net.js'
import { setCredentials } from './http.js'

/** Berth's system admin in the benchmark, as in every test server. */
const ADMIN_PASSWORD = 'Harbor12345'

export type ServerKind = 'berth' | 'dist'

export interface Server {
  kind: ServerKind
  /** column heading in the report */
  label: string
  url: string
  /** the server process, for RSS */
  pid: number
  dataDir: string
  close(): Promise<void>
}

/** `<outDir>/bench/servers.js` -> `<outDir>/src/main.js`, whatever the outDir. */
export const BERTH_MAIN = join(dirname(fileURLToPath(import.meta.url)), '../src/main.js')

export async function startBerthServer(label = 'Berth'): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), 'berth-bench-'))
  const port = await freePort()
  const child = spawn(process.execPath, [BERTH_MAIN, 'serve', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BERTH_LOG_LEVEL: 'warn', BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD },
  })
  let output = ''
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, sig) => reject(new Error(`berth exited (${code ?? sig}) before listening: ${output.trim()}`))),
  )
  exited.catch(() => undefined)
  try {
    await Promise.race([waitForHttp(`${url}/v2/`, 30_000), exited])
  } catch (err) {
    child.kill('SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
    throw err
  }
  setCredentials(url, `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`)
  return {
    kind: 'berth', label, url, pid: child.pid!, dataDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await gone
        clearTimeout(t)
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export async function startDistServer(label = 'distribution'): Promise<Server> {
  const reg = await startDockerRegistry()
  return { kind: 'dist', label, url: reg.url, pid: reg.pid, dataDir: reg.root, close: () => reg.close() }
}

export function startServer(kind: ServerKind, label: string): Promise<Server> {
  return kind === 'berth' ? startBerthServer(label) : startDistServer(label)
}
