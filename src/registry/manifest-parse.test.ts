import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError } from '../errors.js'
import { parseManifest, type ParsedManifest } from './manifest-parse.js'
import { DOCKER_IMAGE_CONFIG, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_IMAGE_CONFIG, OCI_INDEX, OCI_MANIFEST } from './media-types.js'

const digest = (c: string, alg: 'sha256' | 'sha512' = 'sha256') => `${alg}:${c.repeat(alg === 'sha256' ? 64 : 128)}`
const LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip'
const DOCKER_FOREIGN = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip'

const desc = (mediaType: string, c: string, size = 10, extra: Record<string, unknown> = {}) => ({ mediaType, digest: digest(c), size, ...extra })

function ociManifest(extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: desc(OCI_IMAGE_CONFIG, 'c', 100),
    layers: [desc(LAYER, 'a', 1000), desc(LAYER, 'b', 2000)],
    ...extra,
  }
}

function ociIndex(extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      desc(OCI_MANIFEST, '1', 500, { platform: { architecture: 'amd64', os: 'linux' } }),
      desc(OCI_MANIFEST, '2', 501, { platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } }),
    ],
    ...extra,
  }
}

const body = (doc: unknown) => Buffer.from(JSON.stringify(doc))
const parse = (doc: unknown, contentType = '') => parseManifest(body(doc), contentType)

function invalid(fn: () => unknown, what: string) {
  assert.throws(fn, (err: unknown) => err instanceof AppError && err.code === 'MANIFEST_INVALID', `${what} should be MANIFEST_INVALID`)
}

describe('parseManifest: valid documents', () => {
  test('OCI image manifest', () => {
    const m = parse(ociManifest({ annotations: { 'org.opencontainers.image.created': '2026-01-01' } }), OCI_MANIFEST)
    assert.equal(m.mediaType, OCI_MANIFEST)
    assert.equal(m.kind, 'image')
    assert.equal(m.configMediaType, OCI_IMAGE_CONFIG)
    assert.equal(m.artifactType, OCI_IMAGE_CONFIG, 'without artifactType, the config media type')
    assert.deepEqual(m.blobs.map((b) => b.digest), [digest('c'), digest('a'), digest('b')])
    assert.deepEqual(m.blobs.map((b) => b.size), [100, 1000, 2000])
    assert.deepEqual(m.children, [])
    assert.equal(m.subject, null)
    assert.deepEqual(m.annotations, { 'org.opencontainers.image.created': '2026-01-01' })
  })

  test('Content-Type parameters and case are ignored', () => {
    assert.equal(parse(ociManifest(), `${OCI_MANIFEST.toUpperCase()}; charset=utf-8`).mediaType, OCI_MANIFEST)
  })

  test('without mediaType, the Content-Type decides', () => {
    const { mediaType: _, ...doc } = ociManifest()
    assert.equal(parse(doc, OCI_MANIFEST).mediaType, OCI_MANIFEST)
  })

  test('without mediaType or a manifest Content-Type, the shape decides', () => {
    const { mediaType: _m, ...image } = ociManifest()
    const { mediaType: _i, ...index } = ociIndex()
    assert.equal(parse(image, 'application/json').mediaType, OCI_MANIFEST)
    assert.equal(parse(image, '').kind, 'image')
    assert.equal(parse(index, '').mediaType, OCI_INDEX)
    assert.equal(parse(index, 'application/octet-stream').kind, 'index')
  })

  test('a non-manifest Content-Type defers to the declared mediaType', () => {
    assert.equal(parse(ociIndex(), 'application/json').mediaType, OCI_INDEX)
  })

  test('OCI index', () => {
    const m = parse(ociIndex(), OCI_INDEX)
    assert.equal(m.kind, 'index')
    assert.equal(m.mediaType, OCI_INDEX)
    assert.equal(m.configMediaType, OCI_INDEX)
    assert.equal(m.artifactType, null)
    assert.deepEqual(m.blobs, [])
    assert.deepEqual(m.children.map((c) => c.digest), [digest('1'), digest('2')])
    assert.deepEqual(m.children[1]!.platform, { architecture: 'arm64', os: 'linux', variant: 'v8' })
  })

  test('an OCI index entry may omit platform', () => {
    const m = parse(ociIndex({ manifests: [desc(OCI_MANIFEST, '1')] }))
    assert.equal(m.children[0]!.platform, undefined)
  })

  test('an empty index is valid', () => {
    assert.deepEqual(parse(ociIndex({ manifests: [] })).children, [])
  })

  test('Docker schema 2 manifest', () => {
    const doc = {
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST,
      config: desc(DOCKER_IMAGE_CONFIG, 'c', 7),
      layers: [desc(DOCKER_LAYER, 'a', 8)],
    }
    const m = parse(doc, DOCKER_MANIFEST)
    assert.equal(m.mediaType, DOCKER_MANIFEST)
    assert.equal(m.kind, 'image')
    assert.equal(m.configMediaType, DOCKER_IMAGE_CONFIG)
    assert.equal(m.artifactType, DOCKER_IMAGE_CONFIG)
    assert.deepEqual(m.blobs.map((b) => b.digest), [digest('c'), digest('a')])
  })

  test('Docker manifest list', () => {
    const doc = {
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST_LIST,
      manifests: [desc(DOCKER_MANIFEST, '1', 5, { platform: { architecture: 'amd64', os: 'linux' } })],
    }
    const m = parse(doc, DOCKER_MANIFEST_LIST)
    assert.equal(m.kind, 'index')
    assert.equal(m.mediaType, DOCKER_MANIFEST_LIST)
    assert.equal(m.children.length, 1)
  })

  test('a Docker manifest list entry needs a platform', () => {
    const doc = { schemaVersion: 2, mediaType: DOCKER_MANIFEST_LIST, manifests: [desc(DOCKER_MANIFEST, '1')] }
    invalid(() => parse(doc, DOCKER_MANIFEST_LIST), 'list entry without platform')
  })

  test('a platform needs architecture and os', () => {
    invalid(() => parse(ociIndex({ manifests: [desc(OCI_MANIFEST, '1', 5, { platform: { os: 'linux' } })] })), 'platform without architecture')
    invalid(() => parse(ociIndex({ manifests: [desc(OCI_MANIFEST, '1', 5, { platform: 'linux/amd64' })] })), 'platform as a string')
  })

  test('artifactType on an image manifest wins over the config media type', () => {
    const m = parse(ociManifest({ artifactType: 'application/vnd.example.sbom+json', config: desc('application/vnd.oci.empty.v1+json', 'e', 2) }))
    assert.equal(m.artifactType, 'application/vnd.example.sbom+json')
    assert.equal(m.configMediaType, 'application/vnd.oci.empty.v1+json')
  })

  test('artifactType on an index', () => {
    assert.equal(parse(ociIndex({ artifactType: 'application/vnd.example.bundle' })).artifactType, 'application/vnd.example.bundle')
  })

  test('a bad artifactType is refused', () => {
    invalid(() => parse(ociManifest({ artifactType: 'not a media type' })), 'artifactType with a space')
    invalid(() => parse(ociManifest({ artifactType: 42 })), 'artifactType as a number')
  })

  test('subject on an image manifest and on an index', () => {
    const subject = desc(OCI_MANIFEST, 'f', 321)
    assert.deepEqual(parse(ociManifest({ subject })).subject, subject)
    assert.deepEqual(parse(ociIndex({ subject })).subject, subject)
  })

  test('a subject that is not a descriptor is refused', () => {
    invalid(() => parse(ociManifest({ subject: 'sha256:x' })), 'subject as a string')
    invalid(() => parse(ociManifest({ subject: { ...desc(OCI_MANIFEST, 'f'), digest: 'sha256:nope' } })), 'subject with a bad digest')
  })

  test('foreign layers (with urls) are not blobs the repository needs', () => {
    const foreign = desc(DOCKER_FOREIGN, 'd', 9, { urls: ['https://example.com/layer'] })
    const m = parse(ociManifest({ layers: [desc(LAYER, 'a'), foreign, desc(LAYER, 'b', 10, { urls: [] })] }))
    assert.deepEqual(m.blobs.map((b) => b.digest), [digest('c'), digest('a'), digest('b')])
  })

  test('sha512 descriptors are accepted', () => {
    const m = parse(ociManifest({ layers: [{ mediaType: LAYER, digest: digest('9', 'sha512'), size: 1 }] }))
    assert.equal(m.blobs[1]!.digest, digest('9', 'sha512'))
  })

  test('zero-size descriptors are fine', () => {
    assert.equal(parse(ociManifest({ layers: [desc(LAYER, 'a', 0)] })).blobs[1]!.size, 0)
  })
})

describe('parseManifest: refusals', () => {
  test('Content-Type and mediaType disagree', () => {
    invalid(() => parse(ociManifest(), OCI_INDEX), 'OCI manifest sent as index')
    invalid(() => parse(ociManifest(), DOCKER_MANIFEST), 'OCI manifest sent as Docker')
    invalid(() => parse({ ...ociManifest(), mediaType: DOCKER_MANIFEST }, OCI_MANIFEST), 'Docker mediaType sent as OCI')
  })

  test('an unsupported media type', () => {
    invalid(() => parse({ ...ociManifest(), mediaType: 'application/vnd.docker.distribution.manifest.v1+json' }), 'schema 1')
    invalid(() => parse({ ...ociManifest(), mediaType: 'application/json' }), 'application/json')
    invalid(() => parse({ ...ociManifest(), mediaType: 7 }), 'a number')
  })

  test('schemaVersion must be 2', () => {
    for (const v of [1, 3, '2', 2.5, null, undefined]) {
      const doc: Record<string, unknown> = { ...ociManifest(), schemaVersion: v }
      if (v === undefined) delete doc.schemaVersion
      invalid(() => parse(doc), `schemaVersion ${JSON.stringify(v)}`)
    }
  })

  test('not JSON, or JSON that is not an object', () => {
    for (const raw of ['', 'not json', '{', '\u00ef\u00bb\u00bf{}', 'null', '[]', '[{"schemaVersion":2}]', '"manifest"', '2', 'true']) {
      invalid(() => parseManifest(Buffer.from(raw), OCI_MANIFEST), JSON.stringify(raw))
    }
    invalid(() => parseManifest(Buffer.from([0xff, 0xfe, 0x00]), OCI_MANIFEST), 'binary')
  })

  test('config and layers are required on an image manifest', () => {
    const { config: _c, ...noConfig } = ociManifest()
    const { layers: _l, ...noLayers } = ociManifest()
    invalid(() => parse(noConfig), 'no config')
    invalid(() => parse(noLayers), 'no layers')
    invalid(() => parse(ociManifest({ layers: {} })), 'layers as an object')
    invalid(() => parse(ociManifest({ config: [] })), 'config as a list')
  })

  test('manifests is required on an index', () => {
    const { manifests: _, ...doc } = ociIndex()
    invalid(() => parse(doc), 'index without manifests')
    invalid(() => parse(ociIndex({ manifests: null })), 'manifests null')
  })

  const badDescriptors: Array<[string, unknown]> = [
    ['negative size', desc(LAYER, 'a', -1)],
    ['fractional size', desc(LAYER, 'a', 1.5)],
    ['size as a string', { ...desc(LAYER, 'a'), size: '10' }],
    ['unsafe size', desc(LAYER, 'a', 2 ** 53)],
    ['missing size', { mediaType: LAYER, digest: digest('a') }],
    ['missing digest', { mediaType: LAYER, size: 1 }],
    ['bad digest', { ...desc(LAYER, 'a'), digest: 'sha256:1234' }],
    ['upper-case digest', { ...desc(LAYER, 'a'), digest: `sha256:${'A'.repeat(64)}` }],
    ['unsupported algorithm', { ...desc(LAYER, 'a'), digest: `sha384:${'a'.repeat(96)}` }],
    ['missing mediaType', { digest: digest('a'), size: 1 }],
    ['mediaType without a subtype', desc('application', 'a')],
    ['mediaType with a space', desc('application/x y', 'a')],
    ['urls not a list', desc(LAYER, 'a', 1, { urls: 'https://example.com' })],
    ['urls with a number', desc(LAYER, 'a', 1, { urls: [1] })],
    ['annotations with a number', desc(LAYER, 'a', 1, { annotations: { a: 1 } })],
    ['annotations as a list', desc(LAYER, 'a', 1, { annotations: ['a'] })],
    ['a string', digest('a')],
    ['null', null],
  ]
  for (const [what, d] of badDescriptors) {
    test(`a layer descriptor with ${what}`, () => invalid(() => parse(ociManifest({ layers: [desc(LAYER, 'b'), d] })), what))
  }
  test('the same checks apply to config and index entries', () => {
    invalid(() => parse(ociManifest({ config: desc(OCI_IMAGE_CONFIG, 'c', -5) })), 'config with negative size')
    invalid(() => parse(ociIndex({ manifests: [{ digest: digest('1'), size: 1 }] })), 'index entry without mediaType')
  })

  test('top-level annotations must be a map of strings', () => {
    invalid(() => parse(ociManifest({ annotations: { a: true } })), 'boolean annotation')
    invalid(() => parse(ociManifest({ annotations: 'x' })), 'annotations as a string')
  })

  test('errors say MANIFEST_INVALID with a reason, never a status of their own', () => {
    try {
      parse(ociManifest({ layers: [desc(LAYER, 'a', -1)] }))
      assert.fail('should throw')
    } catch (err) {
      assert.ok(err instanceof AppError)
      assert.equal(err.code, 'MANIFEST_INVALID')
      assert.equal(err.status, 400)
      assert.equal(typeof (err.detail as { reason: unknown }).reason, 'string')
    }
  })
})

describe('parseManifest fuzz', () => {
  const contentTypes = fc.constantFrom('', OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, 'application/json', `${OCI_MANIFEST}; charset=utf-8`, ';', 'x/y;a=b')

  function check(bytes: Buffer, contentType: string): ParsedManifest | null {
    try {
      return parseManifest(bytes, contentType)
    } catch (err) {
      if (!(err instanceof AppError)) throw new Error(`threw a non-AppError: ${String(err)}`)
      assert.equal(err.code, 'MANIFEST_INVALID')
      return null
    }
  }

  /** What every accepted manifest guarantees to the service that stores it. */
  function invariants(m: ParsedManifest) {
    assert.ok(['image', 'index'].includes(m.kind))
    for (const d of [...m.blobs, ...m.children, ...(m.subject ? [m.subject] : [])]) {
      assert.match(d.digest, /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/)
      assert.ok(Number.isSafeInteger(d.size) && d.size >= 0)
      assert.equal(typeof d.mediaType, 'string')
    }
    if (m.kind === 'index') assert.deepEqual(m.blobs, [])
    else {
      assert.deepEqual(m.children, [])
      assert.ok(m.blobs.length >= 1, 'an image has at least its config')
      for (const b of m.blobs.slice(1)) assert.ok(!b.urls?.length, 'no foreign layer among blobs')
    }
  }

  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), contentTypes, (bytes, ct) => {
      const m = check(Buffer.from(bytes), ct)
      if (m) invariants(m)
    }), { numRuns: 2000 })
  })

  test('random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), contentTypes, (value, ct) => {
      const m = check(body(value), ct)
      if (m) invariants(m)
    }), { numRuns: 2000 })
  })

  test('manifest-shaped documents with good and bad parts', () => {
    const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant([]), fc.constant({}))
    const mediaTypeValue = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, LAYER, OCI_IMAGE_CONFIG, DOCKER_FOREIGN) },
      anyValue,
    )
    const digestValue = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(digest('a'), digest('b'), digest('c', 'sha512')) },
      fc.constantFrom(`sha256:${'A'.repeat(64)}`, 'sha256:', `md5:${'a'.repeat(32)}`),
      anyValue,
    )
    const sizeValue = fc.oneof({ weight: 4, arbitrary: fc.nat() }, fc.integer({ min: -5, max: -1 }), fc.double(), fc.constant(2 ** 60), anyValue)
    const descriptor = fc.oneof(
      { weight: 6, arbitrary: fc.record({
        mediaType: mediaTypeValue,
        digest: digestValue,
        size: sizeValue,
        urls: fc.oneof(fc.constant(undefined), fc.constant(['https://x']), fc.constant([]), anyValue),
        annotations: fc.oneof(fc.constant(undefined), fc.constant({ a: 'b' }), fc.constant({ a: 1 }), anyValue),
        platform: fc.oneof(fc.constant(undefined), fc.constant({ architecture: 'amd64', os: 'linux' }), fc.constant({ os: 'linux' }), anyValue),
        artifactType: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, mediaTypeValue),
      }, { requiredKeys: [] }) },
      anyValue,
    )
    const doc = fc.record({
      schemaVersion: fc.oneof({ weight: 6, arbitrary: fc.constant(2) }, anyValue),
      mediaType: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, mediaTypeValue),
      config: fc.oneof({ weight: 3, arbitrary: descriptor }, fc.constant(undefined)),
      layers: fc.oneof({ weight: 3, arbitrary: fc.array(descriptor, { maxLength: 4 }) }, anyValue),
      manifests: fc.oneof({ weight: 3, arbitrary: fc.array(descriptor, { maxLength: 4 }) }, anyValue),
      subject: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, descriptor),
      artifactType: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, mediaTypeValue),
      annotations: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, fc.constant({ k: 'v' }), anyValue),
    }, { requiredKeys: [] })
    let accepted = 0
    fc.assert(fc.property(doc, contentTypes, (d, ct) => {
      const m = check(body(d), ct)
      if (m) {
        accepted++
        invariants(m)
      }
    }), { numRuns: 3000 })
    assert.ok(accepted > 30, `the generator should produce some valid manifests (got ${accepted})`)
  })
})
