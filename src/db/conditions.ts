// Harbor's `q` conditions (exact, fuzzy, range, lists) as Kysely where-clauses. The shape is
// the parsed `q` of src/http/api/query.ts, restated here so row modules import nothing above them.
import { containsPattern, likeIgnoringCase } from './dialect.js'
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'

export type Value = string | number | boolean | Date
export type Condition<T extends Value = Value> =
  | { kind: 'exact'; value: T }
  | { kind: 'fuzzy'; value: string }
  | { kind: 'range'; min?: T; max?: T }
  | { kind: 'or'; values: T[] }
  | { kind: 'and'; values: T[] }

/** Times are stored as ISO-8601 strings; booleans as 0/1. */
function toColumnValue(v: Value): string | number {
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'boolean') return v ? 1 : 0
  return v
}

/** One condition on one column (a trusted, code-given column reference). */
export function conditionSql<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, c: Condition): Expression<SqlBool> {
  const ref = sql.ref(column)
  switch (c.kind) {
    case 'exact':
      return sql<SqlBool>`${ref} = ${toColumnValue(c.value)}`
    case 'fuzzy':
      return likeIgnoringCase(ref, containsPattern(c.value))
    case 'range': {
      const parts: Expression<SqlBool>[] = []
      if (c.min !== undefined) parts.push(sql<SqlBool>`${ref} >= ${toColumnValue(c.min)}`)
      if (c.max !== undefined) parts.push(sql<SqlBool>`${ref} <= ${toColumnValue(c.max)}`)
      return eb.and(parts)
    }
    case 'or':
      return eb.or(c.values.map((v) => sql<SqlBool>`${ref} = ${toColumnValue(v)}`))
    case 'and':
      return eb.and(c.values.map((v) => sql<SqlBool>`${ref} = ${toColumnValue(v)}`))
  }
}
