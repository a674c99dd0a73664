// Project quotas, read side: one quota per project (its id is the project's id), the hard limit
// from the quota row (-1 unlimited; projects without a row are unlimited) and the storage the
// project's artifacts use, each distinct blob counted once.
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { countQuotas, listQuotas as listQuotaRows, type QuotaRow } from '../db/projects.js'

export type { QuotaRow }

export type QuotaListInput = {
  /** undefined: every project; []: none */
  projectIds?: number[]
  sort?: { field: 'hard' | 'used'; desc: boolean }
  limit: number
  offset: number
}

export async function listQuotas(deps: Deps, input: QuotaListInput): Promise<{ total: number; items: QuotaRow[] }> {
  const total = await countQuotas(deps.db, input.projectIds)
  const items = total === 0 ? [] : await listQuotaRows(deps.db, input)
  return { total, items }
}

export async function getQuota(deps: Deps, id: number): Promise<QuotaRow> {
  const [row] = await listQuotaRows(deps.db, { projectIds: [id], limit: 1, offset: 0 })
  if (!row) throw new AppError('NOT_FOUND', { quota: id }, `quota ${id} not found`)
  return row
}
