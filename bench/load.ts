// Fixed-duration request load at a given concurrency: wrk when available (C, cheap on the shared
// 2 cores); HEAD, or GET without wrk, through a minimal raw-socket keep-alive client.
import { execFileSync, spawn } from 'node:child_process'
import net from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withCredentials } from './http.js'
import { log, now, quantile } from './util.js'

export interface LoadSpec {
  url: string
  method: 'GET' | 'HEAD'
  headers?: Record<string, string>
  concurrency: number
  seconds: number
}

export interface LoadResult {
  requests: number
  rps: number
  p50ms: number
  p99ms: number
  errors: number
  tool: 'wrk' | 'raw'
}

let wrkPath: string | null | undefined

function which(bin: string): string | null {
  try {
    return execFileSync('which', [bin], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** Finds wrk, installing the Debian package if it is missing and we are root. */
export function ensureWrk(): string | null {
  if (wrkPath !== undefined) return wrkPath
  wrkPath = which('wrk')
  if (!wrkPath && process.getuid?.() === 0) {
    log('wrk not found; installing it (apt-get install -y wrk)')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    try {
      execFileSync('apt-get', ['install', '-y', '-q', 'wrk'], { stdio: ['ignore', 'ignore', 'pipe'], env })
    } catch {
      try {
        execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'pipe'], env })
        execFileSync('apt-get', ['install', '-y', '-q', 'wrk'], { stdio: ['ignore', 'ignore', 'pipe'], env })
      } catch (err) {
        log(`could not install wrk: ${String(err).split('\n')[0]}`)
      }
    }
    wrkPath = which('wrk')
  }
  if (!wrkPath) log('wrk unavailable: falling back to the raw-socket node load client')
  return wrkPath
}

const luaString = (s: string): string => JSON.stringify(s)

function wrkScript(spec: LoadSpec): string {
  const lines = [`wrk.method = ${luaString(spec.method)}`]
  for (const [k, v] of Object.entries(spec.headers ?? {})) lines.push(`wrk.headers[${luaString(k)}] = ${luaString(v)}`)
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format("BENCHRESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,',
    '    latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))',
    'end',
  )
  return lines.join('\n') + '\n'
}

async function runWrk(wrk: string, spec: LoadSpec): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-wrk-'))
  const script = join(dir, 'script.lua')
  await writeFile(script, wrkScript(spec))
  try {
    // wrk takes whole seconds only
    const args = ['-t1', `-c${spec.concurrency}`, `-d${Math.max(1, Math.round(spec.seconds))}s`, '--timeout', '10s', '-s', script, spec.url]
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      let s = ''
      p.stdout.on('data', (d: Buffer) => (s += d.toString()))
      p.stderr.on('data', (d: Buffer) => (s += d.toString()))
      p.once('error', reject)
      p.once('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`wrk exited ${code}: ${s.slice(-500)}`))))
    })
    const m = /BENCHRESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out)
    if (!m) throw new Error(`unexpected wrk output: ${out.slice(-500)}`)
    const [requests, durUs, p50, p99, ...errs] = m.slice(1).map(Number) as [number, number, number, number, ...number[]]
    const errors = errs.reduce((a, b) => a + b, 0)
    return { requests, rps: requests / (durUs / 1e6), p50ms: p50 / 1000, p99ms: p99 / 1000, errors, tool: 'wrk' }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const CRLF2 = Buffer.from('\r\n\r\n')

/**
 * A minimal keep-alive HTTP/1.1 load client on raw sockets: one prebuilt request buffer, each
 * response parsed only as far as its status line, header end and Content-Length. Much cheaper
 * than node:http, and unlike wrk it knows a HEAD response has no body.
 */
async function runRaw(spec: LoadSpec): Promise<LoadResult> {
  const u = new URL(spec.url)
  const head = [`${spec.method} ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'User-Agent: berth-bench', ...Object.entries(spec.headers ?? {}).map(([k, v]) => `${k}: ${v}`)]
  const reqBuf = Buffer.from(head.join('\r\n') + '\r\n\r\n')
  const lat: number[] = []
  let errors = 0
  const t0 = now()
  const until = t0 + spec.seconds * 1000
  const conn = (): Promise<void> => new Promise<void>((resolve) => {
    const sock = net.connect({ host: u.hostname, port: Number(u.port), noDelay: true })
    let buf: Buffer = Buffer.alloc(0)
    let need = -1 // bytes of the current response still to come, once its headers are parsed
    let sent = 0
    const send = (): void => {
      if (now() >= until) {
        sock.end()
        return
      }
      sent = now()
      sock.write(reqBuf)
    }
    sock.once('connect', send)
    sock.on('data', (d: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, d]) : d
      for (;;) {
        if (need < 0) {
          const end = buf.indexOf(CRLF2)
          if (end < 0) return
          const headers = buf.subarray(0, end).toString('latin1')
          const status = Number(headers.slice(9, 12))
          if (!(status >= 200 && status < 400)) errors++
          const cl = /\r\ncontent-length:\s*(\d+)/i.exec(headers)
          if (spec.method !== 'HEAD' && !cl) {
            errors++
            sock.destroy()
            return
          }
          need = spec.method === 'HEAD' ? 0 : Number(cl![1])
          buf = buf.subarray(end + 4)
        }
        if (buf.length < need) {
          need -= buf.length
          buf = Buffer.alloc(0)
          return
        }
        buf = buf.subarray(need)
        need = -1
        lat.push(now() - sent)
        send()
        if (!buf.length) return
      }
    })
    sock.on('error', () => {
      errors++
    })
    sock.once('close', () => resolve())
  })
  await Promise.all(Array.from({ length: spec.concurrency }, conn))
  const secs = (now() - t0) / 1000
  return { requests: lat.length, rps: lat.length / secs, p50ms: quantile(lat, 0.5), p99ms: quantile(lat, 0.99), errors, tool: 'raw' }
}

/** GET through wrk when it can be had; HEAD (which wrk cannot do) through the raw-socket client. */
export async function runLoad(given: LoadSpec): Promise<LoadResult> {
  const spec = { ...given, headers: withCredentials(given.url, given.headers) }
  const wrk = spec.method === 'GET' ? ensureWrk() : null
  const r = wrk ? await runWrk(wrk, spec) : await runRaw(spec)
  if (r.errors > 0) throw new Error(`${r.errors} of ${r.requests} requests failed (${spec.method} ${new URL(spec.url).pathname})`)
  if (r.requests === 0) throw new Error('no requests completed')
  return r
}

export function toolName(tool: LoadResult['tool']): string {
  return tool === 'wrk' ? 'wrk -t1 (one client thread)' : 'a raw-socket keep-alive node client (wrk cannot do HEAD: it waits for a Content-Length body)'
}
