// This machine's limits (sha256 on one core, sequential disk write), facts for the report, and a
// resident-memory monitor for the servers.
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { open, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { MB, MiB, now } from './util.js'

/** node:crypto sha256 throughput on this (single) thread, MB/s. */
export function sha256Rate(seconds: number): number {
  const buf = randomBytes(1 * MiB)
  const h0 = createHash('sha256')
  for (let i = 0; i < 16; i++) h0.update(buf) // warm up
  h0.digest()
  const h = createHash('sha256')
  let bytes = 0
  const t = now()
  const until = t + seconds * 1000
  while (now() < until) {
    for (let i = 0; i < 16; i++) h.update(buf)
    bytes += 16 * buf.length
  }
  h.digest()
  return bytes / MB / ((now() - t) / 1000)
}

/** Sequential write of `bytes` to a new file in `dir` (1 MiB writes, fsync at the end), MB/s. */
export async function diskWriteRate(dir: string, bytes: number): Promise<number> {
  const path = join(dir, `bench-disk-${process.pid}.tmp`)
  const buf = randomBytes(1 * MiB)
  const fh = await open(path, 'w')
  try {
    const t = now()
    for (let written = 0; written < bytes; written += buf.length) await fh.write(buf, 0, buf.length)
    await fh.sync()
    return bytes / MB / ((now() - t) / 1000)
  } finally {
    await fh.close()
    await rm(path, { force: true })
  }
}

/** Flush dirty pages so one run's writeback does not land on the next run. */
export function syncDisks(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' })
  } catch { /* best effort */ }
}

export interface MachineFacts {
  date: string
  nproc: number
  cpuModel: string
  memoryGiB: number
  kernel: string
  node: string
  distribution: string
  berthCommit: string
  filesystem: string
  /** 1-minute load average when the run started and ended: other work on the machine skews figures */
  loadavg: string
}

function cmd(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch {
    return 'unknown'
  }
}

export function machineFacts(dataDir: string, repoRoot: string, loadAtStart: number): MachineFacts {
  const df = cmd('df', ['--output=source,fstype', dataDir]).split('\n')[1]?.trim().replace(/\s+/, ' ') ?? 'unknown'
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    distribution: cmd('docker-registry', ['--version']),
    berthCommit: cmd('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']) +
      (cmd('git', ['-C', repoRoot, 'status', '--porcelain', '--', 'src']) ? ' + uncommitted changes in src/' : ''),
    filesystem: `${dataDir} on ${df}`,
    loadavg: `${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end`,
  }
}

async function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  try {
    const s = await readFile(`/proc/${pid}/status`, 'utf8')
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(s)
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/** pid and all its descendants (a server may fork workers). */
async function processTree(pid: number): Promise<number[]> {
  const out = [pid]
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!
    let tasks: string[] = []
    try {
      tasks = await readdir(`/proc/${p}/task`)
    } catch {
      continue
    }
    for (const t of tasks) {
      try {
        const kids = (await readFile(`/proc/${p}/task/${t}/children`, 'utf8')).trim()
        if (kids) for (const k of kids.split(/\s+/)) out.push(Number(k))
      } catch { /* gone */ }
    }
  }
  return out
}

/**
 * Peak resident memory of a process tree while something runs: resets the kernel's high-water
 * mark (clear_refs 5) at start, samples VmRSS of the tree, and at stop takes the larger of the
 * sampled peak and the main process's VmHWM. MiB.
 */
export class RssMonitor {
  private peakKiB = 0
  private timer: NodeJS.Timeout | null = null
  private sampling: Promise<void> = Promise.resolve()
  constructor(readonly pid: number, private readonly intervalMs = 100) {}

  async start(): Promise<void> {
    await writeFile(`/proc/${this.pid}/clear_refs`, '5').catch(() => undefined)
    this.peakKiB = 0
    await this.sample()
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample())
    }, this.intervalMs)
  }

  private async sample(): Promise<void> {
    let total = 0
    for (const p of await processTree(this.pid)) total += await statusKiB(p, 'VmRSS')
    if (total > this.peakKiB) this.peakKiB = total
  }

  async stop(): Promise<number> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.sampling
    await this.sample()
    const hwm = await statusKiB(this.pid, 'VmHWM')
    return Math.max(this.peakKiB, hwm) / 1024
  }
}

/**
 * The loopback HTTP ceiling for this client: MB/s of a PUT streamed from a reused buffer into a
 * separate node process that discards the body. Neither registry can ingest faster than this on
 * this machine, since the client shares its cores.
 */
export async function loopbackIngestRate(bytes: number, part: Buffer): Promise<number> {
  const { spawn } = await import('node:child_process')
  const { newAgent, request, sliceWriter } = await import('./http.js')
  const child = spawn(process.execPath, ['-e', `
    const s = require('http').createServer((q, r) => { q.resume(); q.on('end', () => r.end()) })
    s.listen(0, '127.0.0.1', () => console.log(s.address().port))`], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())))
      child.once('exit', (code) => reject(new Error(`discard server exited with ${code}`)))
    })
    const agent = newAgent(1)
    const rates: number[] = []
    for (let i = 0; i < 3; i++) {
      const slices = function* () { for (let sent = 0; sent < bytes; sent += part.length) yield part.subarray(0, Math.min(part.length, bytes - sent)) }
      const t = now()
      await request(agent, 'PUT', `http://127.0.0.1:${port}/`, { body: sliceWriter(slices()), headers: { 'content-length': String(bytes) } })
      rates.push(bytes / MB / ((now() - t) / 1000))
    }
    agent.destroy()
    return rates.sort((a, b) => a - b)[1]!
  } finally {
    child.kill()
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux; clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields after the command: state is [0], utime [11], stime [12]
  return (Number(fields[11]) + Number(fields[12])) / 100
}
