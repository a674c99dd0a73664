// Every row of the error table is documented, and the documentation says what the code does
// (as fastify's test/internals/errors.test.js keeps lib/errors.js and docs in step).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { errorTable, type ErrorCode } from '../src/errors.js'

/** The repository root: the nearest directory above this file with a package.json (works from src and from a build dir). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src', 'errors.ts'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('repository root not found')
    dir = up
  }
  return dir
}

const DOC = join(repoRoot(), 'docs', 'errors.md')
const codes = Object.keys(errorTable) as ErrorCode[]

function readDoc(): string {
  assert.ok(existsSync(DOC), `${DOC} is missing: every error code must be documented there`)
  return readFileSync(DOC, 'utf8')
}

/** Table rows of the doc whose first cell is a code in backticks: code → the row's cells. */
function docRows(doc: string): Map<string, string[]> {
  const rows = new Map<string, string[]>()
  for (const line of doc.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim())
    const m = /^`([A-Z_]+)`$/.exec(cells[0] ?? '')
    if (m) rows.set(m[1]!, cells)
  }
  return rows
}

test('every code in errorTable appears in docs/errors.md', () => {
  const doc = readDoc()
  const missing = codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(doc))
  assert.deepEqual(missing, [], `undocumented error codes: ${missing.join(', ')}`)
})

test('every code has its own row in the table, with the right status and OCI code', () => {
  const rows = docRows(readDoc())
  const problems: string[] = []
  for (const code of codes) {
    const cells = rows.get(code)
    if (!cells) {
      problems.push(`${code}: no table row`)
      continue
    }
    const row = errorTable[code]
    if (!cells.includes(String(row.status))) problems.push(`${code}: status ${row.status} not in its row`)
    if (!cells.some((c) => c === `\`${row.oci}\``)) problems.push(`${code}: OCI code ${row.oci} not in its row`)
    if (!cells.some((c) => c === `\`${row.harbor}\``)) problems.push(`${code}: Harbor code ${row.harbor} not in its row`)
  }
  assert.deepEqual(problems, [])
})

test('the doc documents no code that the table does not have', () => {
  const extra = [...docRows(readDoc()).keys()].filter((code) => !(code in errorTable))
  assert.deepEqual(extra, [], `documented but not in src/errors.ts: ${extra.join(', ')}`)
})
