// The read hot path under load: manifest GET by tag and blob HEAD at concurrency 32.
import { expectStatus, request } from '../http.js'
import { runLoad, toolName, type LoadSpec } from '../load.js'
import { MANIFEST_ACCEPT, makeImage, pushImage } from '../oci.js'
import type { Row } from '../report.js'
import { ensureProject, measure, pick, setupBoth, type Ctx, type Multi } from './common.js'

export async function hotScenario(ctx: Ctx): Promise<Row[]> {
  const { cfg, agents } = ctx
  const img = makeImage('hot')
  const repo = 'bench/hot'
  const layer = img.layers[0]!
  const setupErr = await setupBoth(ctx, 'hot setup', async (s, i) => {
    await ensureProject(agents[i], s, 'bench')
    await pushImage(agents[i], s.url, repo, 'latest', img)
    const m = `${s.url}/v2/${repo}/manifests/latest`
    const got = expectStatus(await request(agents[i], 'GET', m, { headers: { Accept: MANIFEST_ACCEPT } }), 'GET', m, 200)
    if (!got.body.equals(img.manifest)) throw new Error('manifest GET returned different bytes')
    const b = `${s.url}/v2/${repo}/blobs/${layer.digest}`
    const h = expectStatus(await request(agents[i], 'HEAD', b), 'HEAD', b, 200)
    if (Number(h.headers['content-length']) !== layer.data.length) throw new Error(`blob HEAD Content-Length ${h.headers['content-length']}`)
  })
  const specs: { name: string; spec: (url: string) => Omit<LoadSpec, 'seconds'> }[] = [
    { name: 'manifest GET by tag', spec: (u) => ({ url: `${u}/v2/${repo}/manifests/latest`, method: 'GET', headers: { Accept: MANIFEST_ACCEPT }, concurrency: cfg.hotConcurrency }) },
    { name: 'blob HEAD', spec: (u) => ({ url: `${u}/v2/${repo}/blobs/${layer.digest}`, method: 'HEAD', concurrency: cfg.hotConcurrency }) },
  ]
  const rows: Row[] = []
  for (const { name, spec } of specs) {
    const res = await measure(ctx, 1, `${name} c=${cfg.hotConcurrency} ${cfg.loadSeconds}s, req/s / p99 ms`, async (s, i) => {
      if (setupErr[i]) throw new Error(setupErr[i]!)
      await runLoad({ ...spec(s.url), seconds: cfg.warmupSeconds })
      const r = await runLoad({ ...spec(s.url), seconds: cfg.loadSeconds })
      ctx.note(`${name} load generator: ${toolName(r.tool)}`)
      return [r.rps, r.p99ms]
    })
    rows.push(...loadRows(`${name}, c=${cfg.hotConcurrency}, ${cfg.loadSeconds} s`, '', res, 1.5))
  }
  return rows
}

export function loadRows(scenario: string, what: string, res: [Multi, Multi], ratioTarget: number): Row[] {
  return [
    { scenario, metric: `${what}throughput`, unit: 'req/s', better: 'higher', a: pick(res[0], 0), b: pick(res[1], 0), ratioTarget },
    { scenario, metric: `${what}p99 latency`, unit: 'ms', better: 'lower', a: pick(res[0], 1), b: pick(res[1], 1), ratioTarget },
  ]
}
