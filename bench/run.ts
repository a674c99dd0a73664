// `npm run bench`: Berth against Debian's docker-registry (distribution 2.8), same scenarios,
// alternating; prints a Markdown table and writes docs/benchmarks.md.
//
//   npm run bench                     full run (~5–10 min), writes docs/benchmarks.md
//   npm run bench -- --quick          small sizes and short loads, writes .bench/benchmarks-quick.md
//   npm run bench -- --only blob,hot  some scenarios: limits blob images hot tags catalog scaleout
//   npm run bench -- --servers dist,dist   harness self-check: two distribution instances
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureWrk } from './load.js'
import { diskWriteRate, loopbackIngestRate, machineFacts, sha256Rate } from './machine.js'
import { randomBytes } from 'node:crypto'
import { renderMarkdown, renderScaleoutTable, renderTable, type Limits, type Report, type Row } from './report.js'
import { blobScenario } from './scenarios/blob.js'
import { makeAgents, type Config, type Ctx, type Scenario } from './scenarios/common.js'
import { hotScenario } from './scenarios/hot.js'
import { imagesScenario } from './scenarios/images.js'
import { catalogScenario, tagsScenario } from './scenarios/lists.js'
import { scaleoutScenario, type ScaleoutRow } from './scenarios/scaleout.js'
import { startServer, type Server, type ServerKind } from './servers.js'
import { MiB, errMsg, log, now } from './util.js'

const SCENARIOS: Record<string, Scenario> = {
  blob: blobScenario,
  images: imagesScenario,
  hot: hotScenario,
  tags: tagsScenario,
  catalog: catalogScenario,
}
const ALL = ['limits', ...Object.keys(SCENARIOS), 'scaleout']

function config(quick: boolean): Config {
  return {
    quick,
    blobSize: (quick ? 64 : 512) * MiB,
    blobPart: 16 * MiB,
    blobChunk: 16 * MiB,
    blobReps: quick ? 1 : 3,
    images: quick ? 20 : 200,
    imageReps: 3,
    imageConcurrency: 8,
    hotConcurrency: 32,
    loadSeconds: quick ? 2 : 10,
    warmupSeconds: 1,
    tags: quick ? 500 : 5000,
    repos: quick ? 200 : 2000,
    pageSize: 100,
    listConcurrency: 8,
    walkers: 4,
    walkSeconds: quick ? 1 : 4,
    setupConcurrency: 8,
  }
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, '.git'))) return dir
    const up = dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      servers: { type: 'string', default: 'berth,dist' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`usage: npm run bench -- [--quick] [--only ${ALL.join('|')}[,...]] [--servers berth,dist] [--no-write]\n`)
    return 0
  }
  const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)
  for (const o of only) if (!ALL.includes(o)) throw new Error(`unknown scenario ${o}; one of ${ALL.join(', ')}`)
  const selected = only.length ? ALL.filter((s) => only.includes(s)) : ALL
  const kinds = values.servers.split(',').map((s) => s.trim()) as ServerKind[]
  if (kinds.length !== 2 || !kinds.every((k) => k === 'berth' || k === 'dist')) throw new Error('--servers takes two of berth,dist')
  const names: Record<ServerKind, string> = { berth: 'Berth', dist: 'distribution' }
  const labels: [string, string] = kinds[0] === kinds[1] ? [`${names[kinds[0]!]} #1`, `${names[kinds[1]!]} #2`] : [names[kinds[0]!], names[kinds[1]!]]
  const cfg = config(values.quick)
  const root = repoRoot()
  const started = now()
  const loadAtStart = loadavg()[0]!
  const rows: Row[] = []
  const notes = new Set<string>()

  // Machine limits first, on a quiet machine; the blob targets need them.
  let limits: Limits | null = null
  if (selected.includes('limits') || selected.includes('blob')) {
    log('limits: node:crypto sha256 on one core')
    const sha256MBs = sha256Rate(values.quick ? 1 : 2)
    const diskBytes = (values.quick ? 256 : 1024) * MiB
    log(`limits: sequential write of ${diskBytes / MiB} MiB to ${tmpdir()} with fsync, best of 2`)
    const diskMBs = Math.max(await diskWriteRate(tmpdir(), diskBytes), await diskWriteRate(tmpdir(), diskBytes))
    log('limits: loopback HTTP ceiling (this client → a discard-only node process)')
    const loopbackMBs = await loopbackIngestRate((values.quick ? 64 : 512) * MiB, randomBytes(16 * MiB))
    limits = { sha256MBs, diskMBs, loopbackMBs }
    log(`limits: sha256 ${sha256MBs.toFixed(0)} MB/s, disk ${diskMBs.toFixed(0)} MB/s, loopback HTTP ${loopbackMBs.toFixed(0)} MB/s`)
  }
  const wrk = selected.some((s) => s === 'hot' || s === 'tags') ? ensureWrk() : null
  if (wrk === null && selected.some((s) => s === 'hot' || s === 'tags')) notes.add('wrk could not be installed: GET loads used the raw-socket node client')

  const servers: Server[] = []
  const closeAll = async (): Promise<void> => {
    await Promise.all(servers.map((s) => s.close().catch((err: unknown) => log(`closing ${s.label}: ${errMsg(err)}`))))
  }
  const onSignal = (): void => {
    void closeAll().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const startErrors: string[] = []
  try {
    for (let i = 0; i < 2; i++) {
      log(`starting ${labels[i]}`)
      try {
        servers.push(await startServer(kinds[i]!, labels[i]!))
      } catch (err) {
        startErrors.push(`${labels[i]}: ${errMsg(err)}`)
        throw err
      }
    }
    const ctx: Ctx = {
      servers: [servers[0]!, servers[1]!],
      cfg,
      limits,
      agents: makeAgents(8),
      note: (m) => notes.add(m),
    }
    for (const name of selected) {
      const sc = SCENARIOS[name]
      if (!sc) continue
      log(`== ${name}`)
      try {
        rows.push(...(await sc(ctx)))
      } catch (err) {
        log(`scenario ${name} aborted: ${errMsg(err)}`)
        notes.add(`scenario ${name} aborted: ${errMsg(err)}`)
      }
    }
    ctx.agents.forEach((a) => a.destroy())
  } catch (err) {
    notes.add(`could not start the servers: ${startErrors.join('; ') || errMsg(err)}`)
    log(`could not start the servers: ${errMsg(err)}`)
  } finally {
    await closeAll()
  }

  // Scale-out last, alone: its own Berth processes behind nginx, on the test services
  // (PostgreSQL, Redis, s3rver; started here unless they run, stopped after if started here).
  let scaleout: ScaleoutRow[] | undefined
  if (selected.includes('scaleout') && kinds.includes('berth')) {
    log('== scaleout')
    scaleout = await runScaleout(root, cfg, (m) => notes.add(m))
  }

  const quickNote = values.quick ? ' (quick)' : ''
  const mode = [values.quick ? '--quick' : '', only.length ? `--only ${only.join(',')}` : '', kinds.join(',') !== 'berth,dist' ? `--servers ${kinds.join(',')}` : '']
    .filter(Boolean).join(' ') || 'full'
  const report: Report = {
    title: `Berth benchmark${quickNote}: ${labels[0]} vs ${labels[1]}`,
    mode,
    labels,
    facts: machineFacts(tmpdir(), root, loadAtStart),
    limits,
    rows,
    scaleout,
    notes: [
      `Sizes: blob ${cfg.blobSize / MiB} MiB (×${cfg.blobReps} per server per variant), ${cfg.images} images (×${cfg.imageReps}), loads ${cfg.loadSeconds} s after ${cfg.warmupSeconds} s warm-up, ${cfg.tags} tags, ${cfg.repos} repositories (the catalog also lists the other scenarios' repositories).`,
      'Big blobs are streamed from a reusable 16 MiB random buffer plus a unique 16 MiB tail; `sync` runs before each timed push so writeback from one run does not land on the next. Pulls read the blob just pushed (page cache warm) and check Content-Length and byte count.',
      'Peak RSS: the server process tree\'s VmRSS sampled every 100 ms and the kernel\'s VmHWM (reset before the blob scenario).',
      ...notes,
    ],
    durationS: (now() - started) / 1000,
  }
  const table = renderTable(report)
  if (rows.length) process.stdout.write(`\n${table}\n\n`)
  if (scaleout?.length) process.stdout.write(`${renderScaleoutTable(scaleout)}\n\n`)
  if (limits) {
    process.stdout.write(`machine limits: sha256 ${limits.sha256MBs.toFixed(0)} MB/s (one core), disk write ${limits.diskMBs.toFixed(0)} MB/s; blob target ${(0.8 * Math.min(limits.sha256MBs, limits.diskMBs)).toFixed(0)} MB/s\n`)
  }
  for (const n of notes) process.stdout.write(`note: ${n}\n`)

  if (!values['no-write']) {
    const full = !values.quick && only.length === 0 && kinds.join(',') === 'berth,dist'
    const out = full ? join(root, 'docs', 'benchmarks.md') : join(root, '.bench', values.quick ? 'benchmarks-quick.md' : 'benchmarks-partial.md')
    await mkdir(dirname(out), { recursive: true })
    await writeFile(out, renderMarkdown(report))
    process.stdout.write(`\nwrote ${relative(process.cwd(), out) || out}\n`)
  }
  return rows.length > 0 || (scaleout?.length ?? 0) > 0 ? 0 : 1
}

/** The scale-out scenario on the test services; rows with errors when they cannot be had. */
async function runScaleout(root: string, cfg: Config, note: (m: string) => void): Promise<ScaleoutRow[]> {
  const services = (await import(pathToFileURL(join(root, 'scripts', 'test-services.mjs')).href)) as {
    startServices(): Promise<{ env: Record<string, string>; started: string[] }>
    stopServices(started: string[]): void
  }
  let started: string[] = []
  let unavailable: string | null = null
  try {
    const r = await services.startServices()
    started = r.started
    Object.assign(process.env, r.env) // test/helpers/backend.ts reads BERTH_TEST_* from here
  } catch (err) {
    unavailable = `test services could not start: ${errMsg(err)}`
    note(unavailable)
  }
  try {
    return await scaleoutScenario(cfg, unavailable)
  } finally {
    services.stopServices(started)
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
  process.exit(2)
})
