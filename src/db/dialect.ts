// The few places where SQLite and PostgreSQL differ, stated once so that row modules and
// migrations stay one text for both (docs/ARCHITECTURE.md, "One schema, two dialects").
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely'

/** True when `db` talks to PostgreSQL (decided by Kysely's adapter, not by configuration). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * An integer primary key the database numbers: SQLite's `integer primary key autoincrement`
 * (what every SQLite database made so far has), PostgreSQL's identity column. Both accept an
 * explicit id too.
 */
export function autoIncrementId(db: Kysely<any>): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db)
    ? (c) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c) => c.primaryKey().autoIncrement()
}

/** A LIKE pattern matching `s` anywhere, with %, _ and \ escaped. */
export function containsPattern(s: string): string {
  return `%${escapeLike(s)}%`
}

/** `s` as a LIKE pattern matching only itself. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * `value LIKE pattern` without regard to ASCII case on both dialects: SQLite's LIKE ignores it,
 * PostgreSQL's does not, and Harbor's fuzzy filters (`q=name=~abc`) match case-insensitively.
 * Backslash escapes the pattern's wildcards (see escapeLike).
 */
export function likeIgnoringCase(value: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${value}) like lower(${pattern}) escape '\\'`
}

/** A unique index or primary key refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

/**
 * A string column of at most `n` characters on SQLite, which never enforces the bound; `text` on
 * PostgreSQL, which would, so that a value SQLite stores is never a 500 on PostgreSQL. Lengths
 * that matter are checked where input is parsed, alike for both.
 */
export function varchar(db: Kysely<any>, n: number): 'text' | `varchar(${number})` {
  return isPostgres(db) ? 'text' : `varchar(${n})`
}

/**
 * An integer column: SQLite's `integer` is 64-bit, PostgreSQL's 32-bit, so `bigint` there. An id
 * past 2^31 in a URL or filter then finds nothing on both dialects instead of failing on one.
 * (The pool reads bigints back as numbers: see postgres.ts.)
 */
export function integer(db: Kysely<any>): 'integer' | 'bigint' {
  return isPostgres(db) ? 'bigint' : 'integer'
}
