// Many small images: 3 random layers of 4–64 KiB, config, manifest; pushed at concurrency 8.
import { makeImage, pushImage, type Image } from '../oci.js'
import type { Row } from '../report.js'
import { log, now, pool } from '../util.js'
import { ensureProject, measure, pick, type Ctx } from './common.js'

export async function imagesScenario(ctx: Ctx): Promise<Row[]> {
  const { cfg, servers, agents } = ctx
  for (const i of [0, 1] as const) await ensureProject(agents[i], servers[i], 'bench')
  // Fresh content per repetition (so no push finds its blobs already there), same for A and B.
  const sets = new Map<number, Image[]>()
  const imagesFor = (rep: number): Image[] => {
    let set = sets.get(rep)
    if (!set) {
      log(`images: generating ${cfg.images} random images`)
      set = Array.from({ length: cfg.images }, (_, k) => makeImage(`r${rep}-${k}`))
      sets.set(rep, set)
    }
    return set
  }
  for (let rep = 0; rep < cfg.imageReps; rep++) imagesFor(rep)
  const res = await measure(ctx, cfg.imageReps, `push ${cfg.images} small images at c=${cfg.imageConcurrency}, images/s`, async (s, i, rep) => {
    const imgs = imagesFor(rep)
    const t = now()
    await pool(imgs.length, cfg.imageConcurrency, (k) => pushImage(agents[i], s.url, `bench/img${rep}-${k % 8}`, `v${k}`, imgs[k]!))
    return [imgs.length / ((now() - t) / 1000)]
  })
  return [{
    scenario: `${cfg.images} small images`,
    metric: `push (3 layers 4–64 KiB + config + manifest), c=${cfg.imageConcurrency}`,
    unit: 'images/s', better: 'higher', a: pick(res[0], 0), b: pick(res[1], 0), ratioTarget: 1,
  }]
}
