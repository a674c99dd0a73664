// Scale-out: the read hot path (manifest GET by tag) and small-image pushes through nginx
// (deploy/nginx.conf), on the embedded default with one instance and on PostgreSQL + Redis + S3
// with one and two, plus the embedded instance without nginx: what each backend and the proxy cost.
import { newAgent, setCredentials, expectStatus, request } from '../http.js'
import { runLoad } from '../load.js'
import { MANIFEST_ACCEPT, makeImage, pushImage, type Image } from '../oci.js'
import type { Figure } from '../report.js'
import { errMsg, log, now, pool } from '../util.js'
import type { Config } from './common.js'
import { startCluster, type Cluster } from '../../test/helpers/cluster.js'

export interface ScaleoutRow {
  configuration: string
  instances: number
  manifestRps: Figure
  manifestP99ms: Figure
  imagesPerS: Figure
}

const ADMIN = `Basic ${Buffer.from('admin:Harbor12345').toString('base64')}`

type Setup = { configuration: string; instances: number; backend: 'embedded' | 'scaleout'; direct?: boolean }
const SETUPS: Setup[] = [
  { configuration: 'embedded (SQLite + filesystem), no proxy', instances: 1, backend: 'embedded', direct: true },
  { configuration: 'embedded (SQLite + filesystem), through nginx', instances: 1, backend: 'embedded' },
  { configuration: 'PostgreSQL + Redis + S3, through nginx', instances: 1, backend: 'scaleout' },
  { configuration: 'PostgreSQL + Redis + S3, through nginx', instances: 2, backend: 'scaleout' },
]

/** Figures for each setup; a setup that cannot start or fails gets an error in its cells. */
export async function scaleoutScenario(cfg: Config, scaleoutAvailable: string | null): Promise<ScaleoutRow[]> {
  const rows: ScaleoutRow[] = []
  let embedded: Cluster | null = null
  try {
    for (const [k, s] of SETUPS.entries()) {
      const fail = (error: string): void => {
        rows.push({ configuration: s.configuration, instances: s.instances, manifestRps: { error }, manifestP99ms: { error }, imagesPerS: { error } })
      }
      if (s.backend === 'scaleout' && scaleoutAvailable) {
        fail(scaleoutAvailable)
        continue
      }
      let cluster: Cluster | null = null
      try {
        log(`scaleout: starting ${s.instances} × ${s.configuration}`)
        // the two embedded setups share one instance: with and without nginx in front
        cluster = s.backend === 'embedded' && embedded ? embedded
          : await startCluster({ instances: s.instances, backend: s.backend, env: { BERTH_LOG_ACCESS_LOG: 'false' } })
        if (s.backend === 'embedded') embedded = cluster
        const url = s.direct ? cluster.instances[0]!.url : cluster.url
        rows.push(await measureSetup(cfg, s, url, k))
      } catch (err) {
        log(`scaleout: ${s.configuration} ×${s.instances} failed: ${errMsg(err)}`)
        fail(errMsg(err))
      } finally {
        if (cluster && cluster !== embedded) await cluster.close()
      }
    }
  } finally {
    await embedded?.close()
  }
  return rows
}

async function measureSetup(cfg: Config, s: Setup, url: string, k: number): Promise<ScaleoutRow> {
  setCredentials(url, ADMIN)
  const agent = newAgent(cfg.imageConcurrency)
  try {
    const projects = `${url}/api/v2.0/projects`
    const p = await request(agent, 'POST', projects, { body: JSON.stringify({ project_name: 'bench', metadata: { public: 'true' } }), headers: { 'Content-Type': 'application/json' } })
    if (p.status !== 409) expectStatus(p, 'POST', projects, 201)
    const hot = makeImage(`scaleout-hot-${k}`)
    await pushImage(agent, url, 'bench/hot', 'latest', hot)
    const spec = { url: `${url}/v2/bench/hot/manifests/latest`, method: 'GET' as const, headers: { Accept: MANIFEST_ACCEPT }, concurrency: cfg.hotConcurrency }
    await runLoad({ ...spec, seconds: cfg.warmupSeconds })
    const load = await runLoad({ ...spec, seconds: cfg.loadSeconds })
    log(`scaleout: ${s.configuration} ×${s.instances}: manifest GET ${load.rps.toFixed(0)} req/s, p99 ${load.p99ms.toFixed(1)} ms`)
    const images: Image[] = Array.from({ length: cfg.images }, (_, i) => makeImage(`scaleout-${k}-${i}`))
    const t = now()
    await pool(images.length, cfg.imageConcurrency, (i) => pushImage(agent, url, `bench/scale${i % 8}`, `v${i}`, images[i]!))
    const imagesPerS = images.length / ((now() - t) / 1000)
    log(`scaleout: ${s.configuration} ×${s.instances}: ${imagesPerS.toFixed(1)} images/s`)
    return { configuration: s.configuration, instances: s.instances, manifestRps: load.rps, manifestP99ms: load.p99ms, imagesPerS }
  } finally {
    agent.destroy()
  }
}
