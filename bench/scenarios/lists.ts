// Listings: tags list of a repository with many tags (whole, and paged with n/last following
// Link), and a catalog walk over many repositories (paged, following Link).
import type http from 'node:http'
import { expectStatus, nextLink, request } from '../http.js'
import { runLoad, toolName } from '../load.js'
import { makeImage, mountBlob, pushImage, pushSmallBlob, putManifest } from '../oci.js'
import type { Row } from '../report.js'
import { log, now, pad, pool } from '../util.js'
import { ensureProject, measure, pick, setupBoth, type Ctx, type Multi } from './common.js'
import { loadRows } from './hot.js'

interface Walk {
  items: string[]
  pages: number
  /** largest page seen */
  maxPage: number
}

/** Follows rel="next" Links from `start` collecting `key` entries. */
async function walk(agent: http.Agent, start: URL, key: 'tags' | 'repositories'): Promise<Walk> {
  const items: string[] = []
  let url: URL | null = start
  let pages = 0
  let maxPage = 0
  while (url) {
    const res = expectStatus(await request(agent, 'GET', url), 'GET', url, 200)
    const page = (JSON.parse(res.body.toString('utf8')) as Record<string, unknown>)[key]
    const list = Array.isArray(page) ? (page as string[]) : []
    items.push(...list)
    maxPage = Math.max(maxPage, list.length)
    pages++
    if (pages > 100_000) throw new Error('walk does not end')
    url = nextLink(res, url)
  }
  return { items, pages, maxPage }
}

/** As many walks as `walkers` concurrent clients complete in `seconds`: [walks/s, pages/s]. */
async function walkLoad(agent: http.Agent, start: URL, key: 'tags' | 'repositories', walkers: number, seconds: number): Promise<number[]> {
  let walks = 0
  let pages = 0
  const t0 = now()
  const until = t0 + seconds * 1000
  await Promise.all(Array.from({ length: walkers }, async () => {
    while (now() < until) {
      const w = await walk(agent, start, key)
      walks++
      pages += w.pages
    }
  }))
  const secs = (now() - t0) / 1000
  return [walks / secs, pages / secs]
}

/** walks/s, and pages/s when both servers page alike (a server that ignores n has other pages). */
function walkRows(scenario: string, res: [Multi, Multi], withPages: boolean): Row[] {
  // A server that ignores n answers the walk in one request: no like-for-like ratio to hold it to.
  const rows: Row[] = [{ scenario, metric: 'walks', unit: 'walks/s', better: 'higher', a: pick(res[0], 0), b: pick(res[1], 0), ...(withPages ? { ratioTarget: 1.5 } : {}) }]
  if (withPages) rows.push({ scenario, metric: 'pages', unit: 'req/s', better: 'higher', a: pick(res[0], 1), b: pick(res[1], 1), ratioTarget: 1.5 })
  return rows
}

/** True when the server honoured n; otherwise says so in the report. */
function checkPaging(ctx: Ctx, label: string, what: string, w: Walk, n: number): boolean {
  if (w.maxPage <= n) return true
  ctx.note(`${label} ignores n=${n} on ${what} (distribution 2.8 has no tags pagination): it returns all ${w.maxPage} entries in ${w.pages} response(s), so its paged "walk" is that single request and the walks/s ratio compares ${w.pages === 1 ? 'one request' : `${w.pages} requests`} with ${label === ctx.servers[0].label ? ctx.servers[1].label : ctx.servers[0].label}'s pages of ${n}; pages/s is left out as the pages differ`)
  return false
}

export async function tagsScenario(ctx: Ctx): Promise<Row[]> {
  const { cfg, agents } = ctx
  const repo = 'bench/tags'
  const img = makeImage('tags')
  const tags = Array.from({ length: cfg.tags }, (_, k) => `v${pad(k, 5)}`)
  const putRate: [number, number] = [NaN, NaN]
  let pagedAlike = true
  const setupErr = await setupBoth(ctx, 'tags setup', async (s, i) => {
    await ensureProject(agents[i], s, 'bench')
    await pushImage(agents[i], s.url, repo, tags[0]!, img)
    log(`tags: tagging one manifest ${cfg.tags} times on ${s.label}`)
    const t = now()
    await pool(tags.length - 1, cfg.setupConcurrency, (k) => putManifest(agents[i], s.url, repo, tags[k + 1]!, img.manifest))
    putRate[i] = (tags.length - 1) / ((now() - t) / 1000)
    const w = await walk(agents[i], new URL(`${s.url}/v2/${repo}/tags/list`), 'tags')
    if (w.items.length !== cfg.tags) throw new Error(`tags list has ${w.items.length} tags, expected ${cfg.tags}`)
    const p = await walk(agents[i], new URL(`${s.url}/v2/${repo}/tags/list?n=${cfg.pageSize}`), 'tags')
    if (p.items.length !== cfg.tags || new Set(p.items).size !== cfg.tags) throw new Error(`paged tags walk saw ${p.items.length} tags (${new Set(p.items).size} distinct), expected ${cfg.tags}`)
    if (!checkPaging(ctx, s.label, 'tags/list', p, cfg.pageSize)) pagedAlike = false
  })
  const errOr = (i: 0 | 1): void => {
    if (setupErr[i]) throw new Error(setupErr[i]!)
  }
  const whole = await measure(ctx, 1, `tags list (${cfg.tags} tags) whole c=${cfg.listConcurrency}, req/s / p99 ms`, async (s, i) => {
    errOr(i)
    const spec = { url: `${s.url}/v2/${repo}/tags/list`, method: 'GET' as const, concurrency: cfg.listConcurrency }
    await runLoad({ ...spec, seconds: cfg.warmupSeconds })
    const r = await runLoad({ ...spec, seconds: cfg.walkSeconds })
    ctx.note(`tags list load generator: ${toolName(r.tool)}`)
    return [r.rps, r.p99ms]
  })
  const paged = await measure(ctx, 1, `tags list paged n=${cfg.pageSize}, ${cfg.walkers} walkers, walks/s / pages/s`, async (s, i) => {
    errOr(i)
    return walkLoad(agents[i], new URL(`${s.url}/v2/${repo}/tags/list?n=${cfg.pageSize}`), 'tags', cfg.walkers, cfg.walkSeconds)
  })
  const sc = `tags list, ${cfg.tags.toLocaleString('en-US')} tags`
  const setupPut = (i: 0 | 1): number | { error: string } => (setupErr[i] ? { error: setupErr[i]! } : putRate[i])
  return [
    { scenario: sc, metric: `setup: manifest PUT to a new tag, c=${cfg.setupConcurrency}`, unit: 'req/s', better: 'higher', a: setupPut(0), b: setupPut(1), ratioTarget: 1 },
    ...loadRows(sc, `whole list, c=${cfg.listConcurrency}: `, whole, 1.5),
    ...walkRows(`${sc}, paged n=${cfg.pageSize} (${cfg.walkers} walkers)`, paged, pagedAlike),
  ]
}

export async function catalogScenario(ctx: Ctx): Promise<Row[]> {
  const { cfg, agents } = ctx
  const src = 'bench/catalog-src'
  const img = makeImage('catalog', 1)
  const repos = Array.from({ length: cfg.repos }, (_, k) => `bench/cat-${pad(k, 5)}`)
  let pagedAlike = true
  const setupErr = await setupBoth(ctx, 'catalog setup', async (s, i) => {
    await ensureProject(agents[i], s, 'bench')
    await pushImage(agents[i], s.url, src, 'latest', img)
    log(`catalog: creating ${cfg.repos} repositories on ${s.label}`)
    let mounted = true
    await pool(repos.length, cfg.setupConcurrency, async (k) => {
      const repo = repos[k]!
      for (const b of [img.config, ...img.layers]) {
        if (mounted && (await mountBlob(agents[i], s.url, repo, src, b.digest))) continue
        mounted = false
        await pushSmallBlob(agents[i], s.url, repo, b.data, b.digest)
      }
      await putManifest(agents[i], s.url, repo, 'latest', img.manifest)
    })
    if (!mounted) ctx.note(`${s.label}: cross-repository mount not available; catalog setup uploaded blobs instead`)
    const w = await walk(agents[i], new URL(`${s.url}/v2/_catalog?n=${cfg.pageSize}`), 'repositories')
    const ours = new Set(w.items.filter((r) => r.startsWith('bench/cat-')))
    if (ours.size !== cfg.repos) throw new Error(`catalog walk saw ${ours.size} of ${cfg.repos} repositories`)
    if (!checkPaging(ctx, s.label, '_catalog', w, cfg.pageSize)) pagedAlike = false
  })
  const res = await measure(ctx, 1, `catalog walk n=${cfg.pageSize}, ${cfg.walkers} walkers, walks/s / pages/s`, async (s, i) => {
    if (setupErr[i]) throw new Error(setupErr[i]!)
    return walkLoad(agents[i], new URL(`${s.url}/v2/_catalog?n=${cfg.pageSize}`), 'repositories', cfg.walkers, cfg.walkSeconds)
  })
  return walkRows(`catalog, ${cfg.repos.toLocaleString('en-US')} repositories, paged n=${cfg.pageSize} (${cfg.walkers} walkers)`, res, pagedAlike)
}
