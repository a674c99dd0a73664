// Big blob: push monolithic and chunked, pull alone and 4 at once (discarding the bytes, then
// verifying their digest as a real client does); peak RSS of each server meanwhile.
import { randomBytes } from 'node:crypto'
import { sliceWriter } from '../http.js'
import { RssMonitor, cpuSeconds, syncDisks } from '../machine.js'
import { BigBlobFactory, pullBlob, pushBlobChunked, pushBlobMonolithic, type BigBlob } from '../oci.js'
import type { Row } from '../report.js'
import { MB, MiB, log, now } from '../util.js'
import { ensureProject, measure, pick, type Ctx } from './common.js'

export async function blobScenario(ctx: Ctx): Promise<Row[]> {
  const { cfg, servers, agents } = ctx
  const sizeMiB = cfg.blobSize / MiB
  log(`blob: preparing ${sizeMiB} MiB blobs (${cfg.blobPart / MiB} MiB random buffer, digest computed up front)`)
  const factory = new BigBlobFactory(randomBytes(cfg.blobPart), cfg.blobSize / cfg.blobPart - 1)
  const repo = 'bench/big'
  for (const i of [0, 1] as const) await ensureProject(agents[i], servers[i], 'bench')
  const pushed: [BigBlob | null, BigBlob | null] = [null, null]
  const monitors = servers.map((s) => new RssMonitor(s.pid))
  await Promise.all(monitors.map((m) => m.start()))

  const timed = async (bytes: number, fn: () => Promise<unknown>): Promise<number[]> => {
    const t = now()
    await fn()
    return [bytes / MB / ((now() - t) / 1000)]
  }

  const mono = await measure(ctx, cfg.blobReps, `push ${sizeMiB} MiB monolithic, MB/s`, async (s, i) => {
    const blob = factory.make()
    syncDisks()
    const r = await timed(blob.size, () => pushBlobMonolithic(agents[i], s.url, repo, blob.size, blob.digest, sliceWriter(blob.slices())))
    pushed[i] = blob
    return r
  })
  const chunked = await measure(ctx, cfg.blobReps, `push ${sizeMiB} MiB in ${cfg.blobChunk / MiB} MiB chunks, MB/s`, async (s, i) => {
    const blob = factory.make()
    syncDisks()
    const r = await timed(blob.size, () => pushBlobChunked(agents[i], s.url, repo, blob, cfg.blobChunk))
    pushed[i] = blob
    return r
  })
  syncDisks()
  const blobOf = (i: 0 | 1): BigBlob => {
    const b = pushed[i]
    if (!b) throw new Error('no blob was pushed')
    return b
  }
  const pull1 = await measure(ctx, cfg.blobReps, `pull ${sizeMiB} MiB, MB/s`, async (s, i) => {
    const b = blobOf(i)
    return timed(b.size, () => pullBlob(agents[i], s.url, repo, b.digest, b.size))
  })
  const pull4 = await measure(ctx, cfg.blobReps, `pull ${sizeMiB} MiB ×4 concurrently, MB/s (aggregate)`, async (s, i) => {
    const b = blobOf(i)
    return timed(4 * b.size, () => Promise.all([0, 1, 2, 3].map(() => pullBlob(agents[i], s.url, repo, b.digest, b.size))))
  })
  // Verifying pulls, as real clients do: the figures are MB/s and the server's CPU seconds per GB
  // sent (user + system, from /proc), which a busy shared machine disturbs far less than MB/s.
  const timedCpu = async (s: { pid: number }, bytes: number, fn: () => Promise<unknown>): Promise<number[]> => {
    const c = cpuSeconds(s.pid)
    const [rate] = await timed(bytes, fn)
    return [rate!, (cpuSeconds(s.pid) - c) / (bytes / 1e9)]
  }
  const pull1v = await measure(ctx, cfg.blobReps, `pull ${sizeMiB} MiB verifying its digest, MB/s / server CPU s per GB`, async (s, i) => {
    const b = blobOf(i)
    return timedCpu(s, b.size, () => pullBlob(agents[i], s.url, repo, b.digest, b.size, { verify: true }))
  })
  const pull4v = await measure(ctx, cfg.blobReps, `pull ${sizeMiB} MiB ×4 concurrently verifying digests, MB/s (aggregate) / server CPU s per GB`, async (s, i) => {
    const b = blobOf(i)
    return timedCpu(s, 4 * b.size, () => Promise.all([0, 1, 2, 3].map(() => pullBlob(agents[i], s.url, repo, b.digest, b.size, { verify: true }))))
  })
  const rss = await Promise.all(monitors.map((m) => m.stop()))
  log(`blob: peak RSS ${servers[0].label} ${rss[0]!.toFixed(0)} MiB, ${servers[1].label} ${rss[1]!.toFixed(0)} MiB`)

  const lim = ctx.limits ? 0.8 * Math.min(ctx.limits.sha256MBs, ctx.limits.diskMBs) : undefined
  const abs = lim === undefined ? {} : { absTarget: { op: '>=' as const, value: lim } }
  const sc = `blob ${sizeMiB} MiB`
  return [
    { scenario: sc, metric: 'push, monolithic (POST + PUT)', unit: 'MB/s', better: 'higher', a: pick(mono[0], 0), b: pick(mono[1], 0), ratioTarget: 1, ...abs },
    { scenario: sc, metric: `push, ${cfg.blobChunk / MiB} MiB PATCH chunks`, unit: 'MB/s', better: 'higher', a: pick(chunked[0], 0), b: pick(chunked[1], 0), ratioTarget: 1, ...abs },
    { scenario: sc, metric: 'pull, 1 client', unit: 'MB/s', better: 'higher', a: pick(pull1[0], 0), b: pick(pull1[1], 0), ratioTarget: 1, ...abs },
    { scenario: sc, metric: 'pull, 4 concurrent (aggregate)', unit: 'MB/s', better: 'higher', a: pick(pull4[0], 0), b: pick(pull4[1], 0), ratioTarget: 1, ...abs },
    { scenario: sc, metric: 'pull, 1 client verifying the digest', unit: 'MB/s', better: 'higher', a: pick(pull1v[0], 0), b: pick(pull1v[1], 0), ratioTarget: 1 },
    { scenario: sc, metric: 'pull, 4 concurrent verifying digests (aggregate)', unit: 'MB/s', better: 'higher', a: pick(pull4v[0], 0), b: pick(pull4v[1], 0), ratioTarget: 1 },
    { scenario: sc, metric: 'server CPU per GB sent, verifying pulls, 1 client', unit: 's/GB', better: 'lower', a: pick(pull1v[0], 1), b: pick(pull1v[1], 1), ratioTarget: 1 },
    { scenario: sc, metric: 'server CPU per GB sent, verifying pulls, 4 concurrent', unit: 's/GB', better: 'lower', a: pick(pull4v[0], 1), b: pick(pull4v[1], 1), ratioTarget: 1 },
    { scenario: sc, metric: 'server peak RSS during the above', unit: 'MiB', better: 'lower', a: rss[0]!, b: rss[1]!, absTarget: { op: '<', value: 300 } },
  ]
}
