// Small shared helpers for the benchmark: logging, statistics, concurrency, formatting.
import { performance } from 'node:perf_hooks'

export const KiB = 1024
export const MiB = 1024 * 1024
/** Throughput figures are MB/s with MB = 10^6 bytes. */
export const MB = 1_000_000

const t0 = performance.now()

/** Progress goes to stderr so stdout carries only the report. */
export function log(msg: string): void {
  const s = ((performance.now() - t0) / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[bench ${s}s] ${msg}\n`)
}

export function now(): number {
  return performance.now()
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Value at quantile q (0..1) of an unsorted sample, nearest-rank. */
export function quantile(xs: Float64Array | number[], q: number): number {
  if (xs.length === 0) return NaN
  const s = Float64Array.from(xs).sort()
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))
  return s[i]!
}

/** Runs fn(0..count-1) with at most `concurrency` in flight; the first error rejects. */
export async function pool(count: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  let failed: unknown = null
  const worker = async (): Promise<void> => {
    while (failed === null) {
      const i = next++
      if (i >= count) return
      try {
        await fn(i)
      } catch (err) {
        failed ??= err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  if (failed !== null) throw failed
}

export function errMsg(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0]!.slice(0, 200)
  return String(err).slice(0, 200)
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}
