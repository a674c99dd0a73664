// Everything Berth writes is for Berth alone: directories 0700, files 0600. Each is created with
// its mode named (the umask can only take bits away, never make 0600 wider), and a data directory
// left by an older version is tightened at start. SQLite creates its -wal and -shm files with the
// mode of the database file (os_unix.c, robust_open), so a 0600 database keeps them 0600 too.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const PRIVATE_DIR = 0o700
export const PRIVATE_FILE = 0o600

/** mkdir -p, every directory it creates 0700. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR })
}

/** Creates `path` empty with mode 0600 if it does not exist; an existing file is left as it is. */
export function touchPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE))
}

export type Tightened = { changed: number; failed: Array<{ path: string; error: string }> }

/**
 * Takes group and other permissions away from `root` and everything below it, children before
 * their directory. A directory that is already private is not entered: Berth creates nothing
 * wider inside one, and since a directory is closed only after its children, a walk cut short
 * leaves its directory open for the next start. So on a data directory Berth made, this costs one
 * stat. Symbolic links are neither followed nor changed (chmod would change their target).
 * Missing paths are skipped; entries that cannot be changed (another owner) are reported.
 */
export function tightenTree(root: string, into: Tightened = { changed: 0, failed: [] }): Tightened {
  let st
  try {
    st = statSync(root)
  } catch (err) {
    if (isNotFound(err)) return into
    throw err
  }
  if (st.isDirectory()) {
    if ((st.mode & 0o077) === 0) return into
    walk(root, into)
  }
  tighten(root, st.mode, into)
  return into
}

function walk(dir: string, into: Tightened): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (err) {
    if (!isNotFound(err)) into.failed.push({ path: dir, error: (err as Error).message })
    return
  }
  for (const name of names) {
    const path = join(dir, name)
    let st
    try {
      st = lstatSync(path)
    } catch (err) {
      if (!isNotFound(err)) into.failed.push({ path, error: (err as Error).message })
      continue
    }
    if (st.isSymbolicLink()) continue
    if (st.isDirectory() && (st.mode & 0o077) !== 0) walk(path, into)
    tighten(path, st.mode, into)
  }
}

function tighten(path: string, mode: number, into: Tightened): void {
  if ((mode & 0o077) === 0) return
  try {
    chmodSync(path, mode & 0o7700)
    into.changed++
  } catch (err) {
    if (!isNotFound(err)) into.failed.push({ path, error: (err as Error).message })
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT'
}
