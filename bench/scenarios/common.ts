// What every scenario gets, and the alternating A/B measurement loop.
import type http from 'node:http'
import { expectStatus, newAgent, request } from '../http.js'
import type { Figure, Limits, Row } from '../report.js'
import type { Server } from '../servers.js'
import { fmt } from '../report.js'
import { errMsg, log, median } from '../util.js'

export interface Config {
  quick: boolean
  blobSize: number
  blobPart: number
  blobChunk: number
  blobReps: number
  images: number
  imageReps: number
  imageConcurrency: number
  hotConcurrency: number
  loadSeconds: number
  warmupSeconds: number
  tags: number
  repos: number
  pageSize: number
  listConcurrency: number
  walkers: number
  walkSeconds: number
  setupConcurrency: number
}

export interface Ctx {
  servers: [Server, Server]
  cfg: Config
  limits: Limits | null
  agents: [http.Agent, http.Agent]
  note(msg: string): void
}

export type Scenario = (ctx: Ctx) => Promise<Row[]>

export function makeAgents(n: number): [http.Agent, http.Agent] {
  return [newAgent(n), newAgent(n)]
}

export type Multi = number[] | { error: string }

/**
 * Runs `fn` on both servers `reps` times, A then B, order reversed on odd repetitions so drift
 * and noise hit both. Each call returns a vector of figures; the result is the per-component
 * median, or the first error (a server that fails once is not retried).
 */
export async function measure(ctx: Ctx, reps: number, what: string, fn: (s: Server, i: 0 | 1, rep: number) => Promise<number[]>): Promise<[Multi, Multi]> {
  const vals: number[][][] = [[], []]
  const errs: (string | null)[] = [null, null]
  for (let rep = 0; rep < reps; rep++) {
    const order: (0 | 1)[] = rep % 2 === 0 ? [0, 1] : [1, 0]
    for (const i of order) {
      if (errs[i] !== null) continue
      const s = ctx.servers[i]
      try {
        const v = await fn(s, i, rep)
        vals[i]!.push(v)
        log(`${what} — ${s.label}${reps > 1 ? ` #${rep + 1}` : ''}: ${v.map(fmt).join(' / ')}`)
      } catch (err) {
        errs[i] = errMsg(err)
        log(`${what} — ${s.label} FAILED: ${errs[i]}`)
      }
    }
  }
  return [0, 1].map((i) => {
    if (errs[i] !== null) return { error: errs[i]! }
    const runs = vals[i]!
    return runs[0]!.map((_, k) => median(runs.map((r) => r[k]!)))
  }) as [Multi, Multi]
}

/** Component k of a measurement, or its error. */
export function pick(m: Multi, k: number): Figure {
  return Array.isArray(m) ? m[k]! : m
}

/** Runs a setup step on both servers; a server whose setup fails gets `error` for its figures. */
export async function setupBoth(ctx: Ctx, what: string, fn: (s: Server, i: 0 | 1) => Promise<void>): Promise<[string | null, string | null]> {
  const errs: [string | null, string | null] = [null, null]
  for (const i of [0, 1] as const) {
    try {
      await fn(ctx.servers[i], i)
    } catch (err) {
      errs[i] = `setup failed: ${errMsg(err)}`
      log(`${what} — ${ctx.servers[i].label} ${errs[i]}`)
    }
  }
  return errs
}

/**
 * Berth keeps Harbor's model (a push needs its project): create it through the REST API as the
 * system admin (the request carries the server's registered credentials); 409 means it exists.
 */
export async function ensureProject(agent: http.Agent, s: Server, project: string): Promise<void> {
  if (s.kind !== 'berth') return
  const url = `${s.url}/api/v2.0/projects`
  const res = await request(agent, 'POST', url, {
    body: JSON.stringify({ project_name: project, metadata: { public: 'true' } }),
    headers: { 'Content-Type': 'application/json' },
  })
  if (res.status !== 409) expectStatus(res, 'POST', url, 200, 201)
}
