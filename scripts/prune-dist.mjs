#!/usr/bin/env node
// Removes what dist/ holds without a TypeScript source any more (a deleted or renamed test,
// module or benchmark), so `node --test dist/` never runs a stale test and `npm start` never
// loads a stale module. Runs before every `npm run build` (and so before test, start and bench).
// It prunes rather than wiping dist/: tsc's incremental build keeps the rest (a clean build
// takes tens of seconds, an unchanged one a few).
//
// Usage: node scripts/prune-dist.mjs [<project root>]   (default: the current directory)
import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = process.argv[2] ?? process.cwd()
const dist = join(root, 'dist')
/** tsc's own state, not an output of any one source. */
const KEEP = new Set(['.tsbuildinfo'])

/** The source a dist/ file was compiled from, or null when it is not a compiled file. */
function sourceOf(rel) {
  const m = /^(.*)\.js(?:\.map)?$/.exec(rel)
  return m ? join(root, `${m[1]}.ts`) : null
}

/** Prunes `dir`; returns true when it is left empty (and so may go too). */
function prune(dir) {
  let empty = true
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const rel = relative(dist, path)
    if (entry.isDirectory()) {
      if (prune(path)) rmdirSync(path)
      else empty = false
      continue
    }
    const source = sourceOf(rel)
    if (KEEP.has(rel) || (source !== null && existsSync(source))) {
      empty = false
      continue
    }
    rmSync(path, { force: true })
    process.stderr.write(`prune-dist: removed dist/${rel} (no source)\n`)
  }
  return empty
}

if (existsSync(dist)) prune(dist)
