// Debian's docker-registry (CNCF distribution 2.8) on loopback with a throwaway root:
// the reference registry for e2e peers and the benchmark's baseline.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, waitForHttp } from './net.js'

export type DockerRegistry = { url: string; host: string; root: string; pid: number; close(): Promise<void> }

export async function startDockerRegistry(opts: { root?: string } = {}): Promise<DockerRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'distribution-'))
  const root = opts.root ?? join(dir, 'root')
  const port = await freePort()
  const config = join(dir, 'config.yml')
  await writeFile(config, [
    'version: 0.1',
    'log: { level: error, accesslog: { disabled: true } }',
    'storage:',
    '  cache: { blobdescriptor: inmemory }',
    `  filesystem: { rootdirectory: ${root} }`,
    '  delete: { enabled: true }',
    `http: { addr: "127.0.0.1:${port}" }`,
    '',
  ].join('\n'))
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/v2/`, 10_000)
  } catch (err) {
    child.kill('SIGKILL')
    throw new Error(`docker-registry did not start: ${stderr}`, { cause: err })
  }
  return {
    url, host: `127.0.0.1:${port}`, root, pid: child.pid!,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
