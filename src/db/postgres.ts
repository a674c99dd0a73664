// The scale-out database: PostgreSQL, shared by every instance, through the same Kysely schema
// and migrations as SQLite (src/db/dialect.ts says where the two differ).
import pg from 'pg'
import { Kysely, PostgresDialect, type PostgresCursor, type PostgresPool, type PostgresPoolClient } from 'kysely'
import { AppError } from '../errors.js'
import type { Database } from './schema.js'

export type PostgresOptions = {
  /** postgres://user:password@host:port/database */
  url: string
  /** Connections this instance keeps open at most. */
  poolSize: number
  /** Seconds one statement may run before PostgreSQL cancels it; 0: no limit. */
  statementTimeoutSeconds: number
  /** An idle connection failed (the server restarted or dropped it); the pool opens a new one when needed. */
  onIdleError?: (err: Error) => void
}

// int8 (bigint columns, count(*)) and numeric (sum()) come back from pg as strings, so that no
// precision is lost past 2^53. Berth's bigints are byte sizes and seconds, far below that: numbers,
// as SQLite gives them, so row modules see one type on both dialects.
const INT8_OID = 20
const NUMERIC_OID = 1700

function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value)
  return pg.types.getTypeParser(oid, format) as (value: string) => unknown
}

/** The pool behind the Kysely instance; exported for tests that count connections. */
export function createPool(opts: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    // per-pool parsers: pg's global ones stay untouched for anything else in the process
    types: { getTypeParser } as pg.CustomTypesConfig,
    // sent in the startup packet of every connection: no extra round trip, and a connection the
    // pool hands out has it whatever ran on it before
    ...(opts.statementTimeoutSeconds > 0 ? { options: `-c statement_timeout=${Math.round(opts.statementTimeoutSeconds * 1000)}` } : {}),
    application_name: 'berth',
  })
  // An idle connection that the server drops (restart, failover) emits 'error' on the pool;
  // unhandled, that would end the process. The next query opens a new connection.
  pool.on('error', (err) => opts.onIdleError?.(err))
  return pool
}

export function openPostgres(opts: PostgresOptions): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: refusingNul(createPool(opts)) }) })
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): a parameter with one would fail on the
 * server (SQLSTATE 22021) and surface as a 500. It is refused here as bad input instead, before
 * anything is sent, whatever query it was for: a name, a filter, a password.
 */
function refusingNul(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect()
      const query = (text: string | PostgresCursor<unknown>, params?: ReadonlyArray<unknown>) => {
        if (typeof text === 'string' && params?.some((p) => typeof p === 'string' && p.includes('\0'))) {
          return Promise.reject(new AppError('BAD_REQUEST', undefined, 'text may not contain the NUL character (U+0000)'))
        }
        return client.query(text as string, params as unknown[])
      }
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) }
    },
    end: () => pool.end(),
  }
}
