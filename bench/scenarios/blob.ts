// Big blob: push monolithic and chunked, pull alone and 4 at once; peak RSS of each server meanwhile.
import { randomBytes } from 'node:crypto'
import { sliceWriter } from '../http.js'
import { RssMonitor, syncDisks } from '../machine.js'
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
    { scenario: sc, metric: 'server peak RSS during the above', unit: 'MiB', better: 'lower', a: rss[0]!, b: rss[1]!, absTarget: { op: '<', value: 300 } },
  ]
}
