// dist/ holds nothing whose source is gone: `npm test` runs `node --test dist/`, so a deleted
// test left compiled there would still run (and `npm start` could load a deleted module).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: the nearest directory above this file with package.json and scripts/. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scripts', 'prune-dist.mjs'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('repository root not found')
    dir = up
  }
  return dir
}

const ROOT = repoRoot()

function write(path: string, text = '') {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

test('prune-dist removes compiled files whose source is gone and keeps the rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'berth-prune-'))
  try {
    write(join(root, 'src/app.ts'))
    write(join(root, 'test/api/kept.test.ts'))
    for (const f of ['src/app.js', 'src/app.js.map', 'test/api/kept.test.js', 'test/api/kept.test.js.map', '.tsbuildinfo']) write(join(root, 'dist', f))
    // a deleted test, a deleted module in a folder of its own, a stray file
    for (const f of ['test/api/deleted.test.js', 'test/api/deleted.test.js.map', 'src/gone/mod.js', 'src/gone/mod.js.map', 'src/notes.txt']) write(join(root, 'dist', f))

    execFileSync(process.execPath, [join(ROOT, 'scripts/prune-dist.mjs'), root], { stdio: 'pipe' })

    for (const f of ['src/app.js', 'src/app.js.map', 'test/api/kept.test.js', 'test/api/kept.test.js.map', '.tsbuildinfo']) {
      assert.ok(existsSync(join(root, 'dist', f)), `kept dist/${f}`)
    }
    for (const f of ['test/api/deleted.test.js', 'test/api/deleted.test.js.map', 'src/gone', 'src/notes.txt']) {
      assert.equal(existsSync(join(root, 'dist', f)), false, `removed dist/${f}`)
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test('every way into dist/ (test, start, bench) builds through `npm run build`, which prunes first', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  assert.match(scripts.prebuild ?? '', /node scripts\/prune-dist\.mjs/)
  for (const hook of ['pretest', 'prestart', 'prebench']) assert.match(scripts[hook] ?? '', /npm run build/, `${hook} builds`)
})
