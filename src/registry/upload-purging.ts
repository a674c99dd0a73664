// Reclaims abandoned uploads on a timer (distribution's uploadpurging), once at start-up too.
import type { Deps } from '../deps.js'
import { purgeUploads } from './uploads.js'

export function startUploadPurging(deps: Deps): () => void {
  const cfg = deps.config.registry.upload_purging
  if (!cfg.enabled) return () => {}
  const run = async () => {
    try {
      const removed = await purgeUploads(deps, new Date(deps.clock.now().getTime() - cfg.age_seconds * 1000))
      if (removed) deps.log.info({ removed }, 'purged abandoned uploads')
    } catch (err) {
      deps.log.error({ err }, 'upload purging failed')
    }
  }
  void run()
  const timer = setInterval(run, cfg.interval_seconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
