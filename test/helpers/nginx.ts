// Debian's nginx as the load balancer in front of test Berth instances, running deploy/nginx.conf
// itself: the template is rendered with the test's upstreams, a loopback port and a temp dir
// (as the compose service renders it with envsubst), then run as a real nginx process.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, openSync, closeSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, waitForHttp } from './net.js'

export type Nginx = {
  url: string
  host: string
  /** the process's directory: nginx.conf as rendered, access.log (one line per request, with its upstream) */
  dir: string
  pid: number
  close(): Promise<void>
}

/** deploy/nginx.conf, found upwards from this file (test/helpers/ from source, dist/test/helpers/ built). */
export function nginxTemplatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'deploy', 'nginx.conf')
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`deploy/nginx.conf not found above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
}

/** The template with its three variables filled in; throws if it names one we do not know. */
export function renderNginxConf(template: string, vars: { upstreams: string[]; listen: string; temp: string }): string {
  const values: Record<string, string> = {
    BERTH_UPSTREAM_SERVERS: vars.upstreams.map((u) => `server ${u};`).join(' '),
    NGINX_LISTEN: vars.listen,
    NGINX_TEMP: vars.temp,
  }
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    const v = values[name]
    if (v === undefined) throw new Error(`deploy/nginx.conf uses \${${name}}, which the test helper does not fill in`)
    return v
  })
}

/** Runs `nginx -t` on a rendered configuration; resolves with its output, rejects if nginx refuses it. */
export async function checkNginxConf(conf: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-nginx-t-'))
  try {
    const file = join(dir, 'nginx.conf')
    await writeFile(file, conf)
    const r = await runNginx(['-e', 'stderr', '-p', dir, '-c', file, '-t'], join(dir, 'stdout'))
    if (r.code !== 0) throw new Error(`nginx -t refused the configuration:\n${r.output}`)
    return r.output
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** nginx with its stdout in the file `stdout`: the template logs to /dev/stdout, which nginx cannot open on a socket (a node pipe). */
function runNginx(args: string[], stdout: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const out = openSync(stdout, 'a')
    const child = spawn('nginx', args, { stdio: ['ignore', out, 'pipe'] })
    closeSync(out)
    let output = ''
    child.stderr!.on('data', (d: Buffer) => { output += d.toString() })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, output }))
  })
}

/**
 * nginx on a free loopback port, balancing over `upstreams` (`host:port` each), from
 * deploy/nginx.conf. Its pid file, temp files and access log live in a temp dir of its own.
 */
export async function startNginx(opts: { upstreams: string[] }): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-nginx-'))
  // nginx's workers drop root for `nobody` and must reach their temp directories
  await chmod(dir, 0o755)
  const port = await freePort()
  const conf = renderNginxConf(await readFile(nginxTemplatePath(), 'utf8'), { upstreams: opts.upstreams, listen: `127.0.0.1:${port}`, temp: dir })
  const file = join(dir, 'nginx.conf')
  await writeFile(file, conf)
  // the access log goes to nginx's stdout (/dev/stdout in the template): into a file here, as
  // nginx cannot open /dev/stdout on a socket
  const accessLog = openSync(join(dir, 'access.log'), 'a')
  const child: ChildProcess = spawn('nginx', ['-e', 'stderr', '-p', dir, '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', accessLog, 'pipe'] })
  closeSync(accessLog)
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000) })
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`nginx exited with ${code}: ${stderr}`))))
  exited.catch(() => {})
  try {
    await Promise.race([waitForHttp(url, 10_000), exited])
  } catch (err) {
    child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
    throw err
  }
  return {
    url, host: `127.0.0.1:${port}`, dir, pid: child.pid!,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r))
        child.kill('SIGQUIT') // graceful: workers finish their requests
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await gone
        clearTimeout(t)
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
