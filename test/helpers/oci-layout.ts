// Writes OCI image layout directories (oci-layout, index.json, blobs/sha256/…) for e2e tests:
// an image of N uncompressed tar layers of random, incompressible bytes, optionally wrapped in a
// linux/amd64 + linux/arm64 index. Layers stream to disk while their sha256 is computed, so a
// 50 MiB layer is never held in memory.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
} as const

export type Descriptor = {
  mediaType: string
  digest: string
  size: number
  platform?: { architecture: string; os: string; variant?: string }
  annotations?: Record<string, string>
}

export type ImageFixture = {
  /** digest of the image manifest blob */
  manifestDigest: string
  manifest: Descriptor
  config: Descriptor
  layers: Descriptor[]
  platform: { architecture: string; os: string; variant?: string }
}

export type LayoutFixture = {
  dir: string
  tag: string
  /** the manifest the tag points at: the image manifest, or the index when multiArch */
  digest: string
  mediaType: string
  /** one image, or one per platform (amd64 then arm64) when multiArch */
  images: ImageFixture[]
  /** the index descriptor when multiArch */
  index?: Descriptor
}

export type LayoutOptions = {
  /** sizes in bytes of each layer's one file (the tar is that plus headers and padding) */
  layers: number[]
  tag?: string
  /** wrap linux/amd64 and linux/arm64 images (each with its own random layers) in an OCI index */
  multiArch?: boolean
}

/** sha256:<hex> of a byte string. */
export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

/** sha256:<hex> of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return `sha256:${hash.digest('hex')}`
}

/** Writes a layout for `opts` into `dir` (created if missing) and returns every digest in it. */
export async function writeOciLayout(dir: string, opts: LayoutOptions): Promise<LayoutFixture> {
  const tag = opts.tag ?? 'latest'
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))

  const platforms = opts.multiArch
    ? [{ architecture: 'amd64', os: 'linux' }, { architecture: 'arm64', os: 'linux', variant: 'v8' }]
    : [{ architecture: 'amd64', os: 'linux' }]
  const images: ImageFixture[] = []
  for (const platform of platforms) images.push(await writeImage(dir, opts.layers, platform))

  let top: Descriptor
  let index: Descriptor | undefined
  if (opts.multiArch) {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: images.map((img) => ({ ...img.manifest, platform: img.platform })),
    })
    index = await writeBlob(dir, body, MEDIA.ociIndex)
    top = index
  } else {
    top = images[0]!.manifest
  }
  const indexJson = {
    schemaVersion: 2,
    mediaType: MEDIA.ociIndex,
    manifests: [{ mediaType: top.mediaType, digest: top.digest, size: top.size, annotations: { 'org.opencontainers.image.ref.name': tag } }],
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(indexJson))
  return { dir, tag, digest: top.digest, mediaType: top.mediaType, images, ...(index ? { index } : {}) }
}

async function writeImage(dir: string, sizes: number[], platform: ImageFixture['platform']): Promise<ImageFixture> {
  const layers: Descriptor[] = []
  for (const [i, size] of sizes.entries()) layers.push(await writeTarLayer(dir, `layer-${i}.bin`, size))
  const config = await writeBlob(dir, JSON.stringify({
    created: '2024-01-01T00:00:00Z',
    architecture: platform.architecture,
    ...(platform.variant ? { variant: platform.variant } : {}),
    os: platform.os,
    config: { Cmd: ['/bin/sh'], Labels: { 'berth.test': randomBytes(8).toString('hex') } },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    history: layers.map(() => ({ created: '2024-01-01T00:00:00Z', created_by: 'berth oci-layout fixture' })),
  }), MEDIA.ociConfig)
  const manifest = await writeBlob(dir, JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    config,
    layers,
  }), MEDIA.ociManifest)
  return { manifestDigest: manifest.digest, manifest, config, layers, platform }
}

/** Stores `body` as a blob of the layout and returns its descriptor. */
export async function writeBlob(dir: string, body: string | Buffer, mediaType: string): Promise<Descriptor> {
  const buf = typeof body === 'string' ? Buffer.from(body) : body
  const digest = sha256(buf)
  await writeFile(blobPath(dir, digest), buf)
  return { mediaType, digest, size: buf.length }
}

export function blobPath(dir: string, digest: string): string {
  return join(dir, 'blobs', 'sha256', digest.replace(/^sha256:/, ''))
}

const BLOCK = 512
const CHUNK = 1 << 20

/** A tar holding one file `name` of `size` random bytes, streamed into the layout. */
async function writeTarLayer(dir: string, name: string, size: number): Promise<Descriptor> {
  const tmp = join(dir, 'blobs', `.tmp-${randomBytes(6).toString('hex')}`)
  const hash = createHash('sha256')
  let total = 0
  async function* tar(): AsyncGenerator<Buffer> {
    const emit = (b: Buffer) => { hash.update(b); total += b.length; return b }
    yield emit(tarHeader(name, size))
    for (let left = size; left > 0; left -= CHUNK) yield emit(randomBytes(Math.min(CHUNK, left)))
    const pad = (BLOCK - (size % BLOCK)) % BLOCK
    yield emit(Buffer.alloc(pad + 2 * BLOCK)) // padding, then the two zero blocks that end an archive
  }
  await pipeline(tar(), createWriteStream(tmp))
  const digest = `sha256:${hash.digest('hex')}`
  await rename(tmp, blobPath(dir, digest))
  return { mediaType: MEDIA.ociLayerTar, digest, size: total }
}

/** A ustar header for a regular file. */
export function tarHeader(name: string, size: number, mtime = 1_704_067_200): Buffer {
  const h = Buffer.alloc(BLOCK)
  const put = (off: number, len: number, s: string) => { h.write(s, off, len, 'ascii') }
  const octal = (off: number, len: number, n: number) => put(off, len, n.toString(8).padStart(len - 1, '0') + '\0')
  put(0, 100, name)
  octal(100, 8, 0o644)
  octal(108, 8, 0)
  octal(116, 8, 0)
  octal(124, 12, size)
  octal(136, 12, mtime)
  put(148, 8, '        ') // checksum is computed with its own field as spaces
  put(156, 1, '0')
  put(257, 6, 'ustar\0')
  put(263, 2, '00')
  put(265, 32, 'root')
  put(297, 32, 'root')
  let sum = 0
  for (const b of h) sum += b
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  return h
}

/** sha256 of every blob file in a layout, keyed by the digest its name claims (sha256:<hex>). */
export async function layoutBlobDigests(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const root = join(dir, 'blobs', 'sha256')
  for (const name of (await readdir(root)).sort()) {
    if (name.startsWith('.')) continue
    out.set(`sha256:${name}`, await sha256File(join(root, name)))
  }
  return out
}

/** The layout's index.json. */
export async function readLayoutIndex(dir: string): Promise<{ manifests: Descriptor[] }> {
  return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Descriptor[] }
}

/** Parsed JSON of one blob of a layout. */
export async function readLayoutJson<T = unknown>(dir: string, digest: string): Promise<T> {
  return JSON.parse(await readFile(blobPath(dir, digest), 'utf8')) as T
}

/** Every digest reachable from a fixture: manifests, configs, layers, the index. */
export function fixtureDigests(f: LayoutFixture): string[] {
  const all = new Set<string>()
  if (f.index) all.add(f.index.digest)
  for (const img of f.images) {
    all.add(img.manifest.digest)
    all.add(img.config.digest)
    for (const l of img.layers) all.add(l.digest)
  }
  return [...all].sort()
}
