// OCI Distribution Spec v1.1, pull: manifests and blobs by tag and digest, content negotiation,
// ranges and the errors of each (conformance/01_pull_test.go, plus what the spec says beyond it).
import { describe, test, before } from 'node:test'
import assert from 'node:assert/strict'
import {
  MT, useRegistry, pushImage, uniqueRepo, uniqueBlob, sha256, descriptorOf, ociIndex,
  assertErrorCode, assertSpecError, assertStatus, beyondDistribution, rawRequest, rawToRes,
} from './client.js'

describe('pull', () => {
  const { c, url } = useRegistry()
  const repo = uniqueRepo('pull')
  let img: Awaited<ReturnType<typeof pushImage>>
  let img2: Awaited<ReturnType<typeof pushImage>>

  before(async () => {
    img = await pushImage(c, repo, 'tagtest0')
    // pushed by digest, never tagged (manifests[1] in the conformance suite)
    img2 = await pushImage(c, repo, 'placeholder')
    const again = await c.putManifest(repo, img2.digest, img2.manifest, MT.ociManifest)
    assertStatus(again, 201, 'PUT manifest by digest')
  })

  test('GET /v2/ answers 200', async () => {
    const res = await c.req('GET', '/v2/')
    assertStatus(res, 200)
  })

  describe('blobs', () => {
    test('HEAD existing blob: 200, Docker-Content-Digest, Content-Length, no body', async () => {
      const res = await c.req('HEAD', `/v2/${repo}/blobs/${img.layer.digest}`)
      assertStatus(res, 200)
      assert.equal(res.headers.get('docker-content-digest'), img.layer.digest)
      assert.equal(res.headers.get('content-length'), String(img.layer.size))
      assert.equal(res.body.length, 0)
    })

    test('GET existing blob: 200, exact bytes, Docker-Content-Digest, Content-Length', async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`)
      assertStatus(res, 200)
      assert.equal(sha256(res.body), img.layer.digest)
      assert.equal(res.body.length, img.layer.size)
      assert.equal(res.headers.get('docker-content-digest'), img.layer.digest)
      assert.equal(res.headers.get('content-length'), String(img.layer.size))
    })

    test('GET config blob: 200, exact bytes', async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.config.digest}`)
      assertStatus(res, 200)
      assert.equal(sha256(res.body), img.config.digest)
    })

    test('HEAD nonexistent blob: 404, no body', async () => {
      const res = await c.req('HEAD', `/v2/${repo}/blobs/${sha256('hello world')}`)
      assertStatus(res, 404)
      assert.equal(res.body.length, 0)
    })

    test('GET nonexistent blob: 404 BLOB_UNKNOWN', async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/${sha256('hello world')}`)
      assertErrorCode(res, 'BLOB_UNKNOWN', 404)
    })

    test('GET blob in a repository that does not exist: 404 BLOB_UNKNOWN or NAME_UNKNOWN', async () => {
      const res = await c.req('GET', `/v2/${uniqueRepo('nosuch')}/blobs/${img.layer.digest}`)
      assertErrorCode(res, ['BLOB_UNKNOWN', 'NAME_UNKNOWN'], 404)
    })

    test('Range bytes=0-3: 206, Content-Range, the four bytes', async () => {
      const full = (await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`)).body
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`, { headers: { range: 'bytes=0-3' } })
      assertStatus(res, 206)
      assert.equal(res.headers.get('content-range'), `bytes 0-3/${img.layer.size}`)
      assert.equal(res.headers.get('content-length'), '4')
      assert.deepEqual(res.body, full.subarray(0, 4))
    })

    test('Range bytes=10- (open end): 206, rest of the blob', async () => {
      const full = (await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`)).body
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`, { headers: { range: 'bytes=10-' } })
      assertStatus(res, 206)
      assert.equal(res.headers.get('content-range'), `bytes 10-${img.layer.size - 1}/${img.layer.size}`)
      assert.deepEqual(res.body, full.subarray(10))
    })

    test('Range bytes=-5 (suffix): 206, the last five bytes', async () => {
      const full = (await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`)).body
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`, { headers: { range: 'bytes=-5' } })
      assertStatus(res, 206)
      assert.equal(res.headers.get('content-range'), `bytes ${img.layer.size - 5}-${img.layer.size - 1}/${img.layer.size}`)
      assert.deepEqual(res.body, full.subarray(img.layer.size - 5))
    })

    test('Range past the end: 416 with Content-Range bytes */size', beyondDistribution('416 body shorter than its Content-Length'), async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/${img.layer.digest}`, { headers: { range: `bytes=${img.layer.size + 10}-${img.layer.size + 20}` } })
      assertStatus(res, 416)
      assert.equal(res.headers.get('content-range'), `bytes */${img.layer.size}`)
    })

    test('GET blob with a malformed digest: 400 DIGEST_INVALID', async () => {
      for (const bad of ['sha256:' + 'a'.repeat(32), 'sha256:zz', 'sha256:' + 'A'.repeat(64)]) {
        const res = await c.req('GET', `/v2/${repo}/blobs/${bad}`)
        assertErrorCode(res, 'DIGEST_INVALID', 400)
      }
    })

    test('GET blob with an unknown algorithm: 400 DIGEST_INVALID or UNSUPPORTED', async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/md5:d41d8cd98f00b204e9800998ecf8427e`)
      assertErrorCode(res, ['DIGEST_INVALID', 'UNSUPPORTED'], 400)
    })

    test('GET blob by tag-like reference: 400 DIGEST_INVALID', beyondDistribution('no digest in the path falls off the route table'), async () => {
      const res = await c.req('GET', `/v2/${repo}/blobs/latest`)
      assertErrorCode(res, 'DIGEST_INVALID', 400)
    })
  })

  describe('manifests', () => {
    test('HEAD by tag: 200, Docker-Content-Digest, Content-Length, Content-Type, no body', async () => {
      const res = await c.req('HEAD', `/v2/${repo}/manifests/tagtest0`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 200)
      assert.equal(res.headers.get('docker-content-digest'), img.digest)
      assert.equal(res.headers.get('content-length'), String(img.manifest.length))
      assert.equal(res.headers.get('content-type'), MT.ociManifest)
      assert.equal(res.body.length, 0)
    })

    test('HEAD by digest (manifests[0] tagged, manifests[1] untagged): 200 with headers', async () => {
      for (const m of [img, img2]) {
        const res = await c.req('HEAD', `/v2/${repo}/manifests/${m.digest}`, { headers: { accept: MT.ociManifest } })
        assertStatus(res, 200)
        assert.equal(res.headers.get('docker-content-digest'), m.digest)
        assert.equal(res.headers.get('content-length'), String(m.manifest.length))
      }
    })

    test('GET by tag: 200, bytes as pushed, Content-Type, Docker-Content-Digest', async () => {
      const res = await c.req('GET', `/v2/${repo}/manifests/tagtest0`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 200)
      assert.deepEqual(res.body, img.manifest)
      assert.equal(res.headers.get('content-type'), MT.ociManifest)
      assert.equal(res.headers.get('docker-content-digest'), img.digest)
      assert.equal(res.headers.get('content-length'), String(img.manifest.length))
    })

    test('GET by digest: 200, bytes as pushed', async () => {
      for (const m of [img, img2]) {
        const res = await c.req('GET', `/v2/${repo}/manifests/${m.digest}`, { headers: { accept: MT.ociManifest } })
        assertStatus(res, 200)
        assert.deepEqual(res.body, m.manifest)
        assert.equal(res.headers.get('docker-content-digest'), m.digest)
      }
    })

    test('HEAD nonexistent manifest: 404', async () => {
      const res = await c.req('HEAD', `/v2/${repo}/manifests/nonexistent-tag`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 404)
      assert.equal(res.body.length, 0)
    })

    test('GET nonexistent tag: 404 MANIFEST_UNKNOWN', async () => {
      const res = await c.req('GET', `/v2/${repo}/manifests/nonexistent-tag`, { headers: { accept: MT.ociManifest } })
      assertErrorCode(res, 'MANIFEST_UNKNOWN', 404)
    })

    test('GET nonexistent digest: 404 MANIFEST_UNKNOWN', async () => {
      const res = await c.req('GET', `/v2/${repo}/manifests/${sha256('no such manifest')}`, { headers: { accept: MT.ociManifest } })
      assertErrorCode(res, 'MANIFEST_UNKNOWN', 404)
    })

    test('GET manifest in a repository that does not exist: 404 NAME_UNKNOWN or MANIFEST_UNKNOWN', async () => {
      const res = await c.req('GET', `/v2/${uniqueRepo('nosuch')}/manifests/latest`, { headers: { accept: MT.ociManifest } })
      assertErrorCode(res, ['NAME_UNKNOWN', 'MANIFEST_UNKNOWN'], 404)
    })

    // The conformance suite's nonexistentManifest: neither a tag nor a digest, so no manifest can
    // have it. 01 "HEAD/GET request to nonexistent manifest" and 02 "GET nonexistent manifest" want 404.
    for (const [label, ref] of [['".INVALID_MANIFEST_NAME"', '.INVALID_MANIFEST_NAME'], ['a 129-character tag', 't'.repeat(129)], ['"-dash"', '-dash']] as const) {
      test(`GET, HEAD and DELETE with reference ${label} (no such manifest can exist): 404`, async (t) => {
        const get = await c.req('GET', `/v2/${repo}/manifests/${ref}`, { headers: { accept: MT.ociManifest } })
        assertStatus(get, 404)
        const head = await c.req('HEAD', `/v2/${repo}/manifests/${ref}`, { headers: { accept: MT.ociManifest } })
        assertStatus(head, 404)
        assert.equal(head.body.length, 0)
        const del = await c.req('DELETE', `/v2/${repo}/manifests/${ref}`)
        assertStatus(del, 404)
        await t.test('with an OCI MANIFEST_UNKNOWN body', beyondDistribution("its router's plain-text 404"), () => {
          assertErrorCode(get, 'MANIFEST_UNKNOWN', 404)
          assertErrorCode(del, 'MANIFEST_UNKNOWN', 404)
        })
      })
    }

    test('GET with reference "sha256:totallywrong": 400 DIGEST_INVALID (conformance 01 "Error codes" accepts 400 with a spec code, or 404)', beyondDistribution('answers 500 UNKNOWN'), async () => {
      const res = await c.req('GET', `/v2/${repo}/manifests/sha256:totallywrong`, { headers: { accept: MT.ociManifest } })
      assertErrorCode(res, 'DIGEST_INVALID', 400)
      assertSpecError(res)
    })

    test('GET "sha256:totallywrong" with a body and Content-Type, as the conformance client sends it: 400 DIGEST_INVALID', beyondDistribution('answers 500 UNKNOWN'), async () => {
      // fetch refuses a GET with a body; the conformance client (Go) sends one
      const res = rawToRes(await rawRequest(url(), 'GET', `/v2/${repo}/manifests/sha256:totallywrong`, { 'content-type': MT.ociManifest }, Buffer.from('blablabla')))
      assertErrorCode(res, 'DIGEST_INVALID', 400)
    })
  })

  describe('content negotiation', () => {
    const nrepo = uniqueRepo('negotiate')
    const all = [MT.ociManifest, MT.ociIndex, MT.dockerManifest, MT.dockerList].join(', ')
    const pushed: Record<string, { bytes: Buffer; digest: string }> = {}

    before(async () => {
      const oci = await pushImage(c, nrepo, 'oci')
      pushed[MT.ociManifest] = { bytes: oci.manifest, digest: oci.digest }

      const index = ociIndex([{ ...descriptorOf(MT.ociManifest, oci.manifest), platform: { architecture: 'amd64', os: 'linux' } }])
      pushed[MT.ociIndex] = { bytes: index, digest: await c.pushManifest(nrepo, 'index', index, MT.ociIndex) }

      const cfg = Buffer.from(JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, x: uniqueBlob().toString('hex') }))
      const layer = uniqueBlob('docker layer', 200)
      await c.pushBlob(nrepo, cfg)
      await c.pushBlob(nrepo, layer)
      const docker = Buffer.from(JSON.stringify({
        schemaVersion: 2, mediaType: MT.dockerManifest,
        config: descriptorOf(MT.dockerConfig, cfg), layers: [descriptorOf(MT.dockerLayer, layer)],
      }, null, 3))
      pushed[MT.dockerManifest] = { bytes: docker, digest: await c.pushManifest(nrepo, 'docker', docker, MT.dockerManifest) }

      const list = Buffer.from(JSON.stringify({
        schemaVersion: 2, mediaType: MT.dockerList,
        manifests: [{ ...descriptorOf(MT.dockerManifest, docker), platform: { architecture: 'arm64', os: 'linux' } }],
      }))
      pushed[MT.dockerList] = { bytes: list, digest: await c.pushManifest(nrepo, 'list', list, MT.dockerList) }
    })

    const tags: Record<string, string> = { [MT.ociManifest]: 'oci', [MT.ociIndex]: 'index', [MT.dockerManifest]: 'docker', [MT.dockerList]: 'list' }
    for (const mt of [MT.ociManifest, MT.ociIndex, MT.dockerManifest, MT.dockerList]) {
      test(`${mt}: GET by tag with Accept of that type returns it as pushed`, async () => {
        const res = await c.req('GET', `/v2/${nrepo}/manifests/${tags[mt]}`, { headers: { accept: mt } })
        assertStatus(res, 200)
        assert.equal(res.headers.get('content-type'), mt)
        assert.deepEqual(res.body, pushed[mt]!.bytes)
        assert.equal(res.headers.get('docker-content-digest'), pushed[mt]!.digest)
      })

      test(`${mt}: GET by tag with Accept listing all four types returns it as pushed`, async () => {
        const res = await c.req('GET', `/v2/${nrepo}/manifests/${tags[mt]}`, { headers: { accept: all } })
        assertStatus(res, 200)
        assert.equal(res.headers.get('content-type'), mt)
        assert.deepEqual(res.body, pushed[mt]!.bytes)
      })

      test(`${mt}: GET and HEAD by digest return it with its Content-Type`, async () => {
        const get = await c.req('GET', `/v2/${nrepo}/manifests/${pushed[mt]!.digest}`, { headers: { accept: all } })
        assertStatus(get, 200)
        assert.equal(get.headers.get('content-type'), mt)
        assert.deepEqual(get.body, pushed[mt]!.bytes)
        const head = await c.req('HEAD', `/v2/${nrepo}/manifests/${pushed[mt]!.digest}`, { headers: { accept: all } })
        assertStatus(head, 200)
        assert.equal(head.headers.get('content-type'), mt)
        assert.equal(head.headers.get('content-length'), String(pushed[mt]!.bytes.length))
        assert.equal(head.headers.get('docker-content-digest'), pushed[mt]!.digest)
      })
    }

    test('Accept with q-values is honoured', async () => {
      const res = await c.req('GET', `/v2/${nrepo}/manifests/index`, { headers: { accept: `${MT.dockerManifest}, ${MT.ociIndex};q=0.9` } })
      assertStatus(res, 200)
      assert.equal(res.headers.get('content-type'), MT.ociIndex)
      assert.deepEqual(res.body, pushed[MT.ociIndex]!.bytes)
    })
  })

  describe('names', () => {
    // The spec's name grammar: [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*
    const bad = ['Proj/App', 'proj/App', 'proj/-app', 'proj/app-', 'proj/a..b', 'proj/a___b', 'proj//app', 'proj/.app', `proj/${'a'.repeat(256)}`]
    for (const name of bad) {
      test(`invalid name ${name.length > 40 ? name.slice(0, 20) + '…' : name}: NAME_INVALID (400) or NAME_UNKNOWN (404), never 5xx`, beyondDistribution('upper case answers 500, others a plain 404'), async () => {
        const res = rawToRes(await rawRequest(url(), 'GET', `/v2/${name}/tags/list`))
        assertErrorCode(res, ['NAME_INVALID', 'NAME_UNKNOWN'], [400, 404])
      })
    }

    test('invalid name on push: POST /v2/Proj/App/blobs/uploads/ → 400 NAME_INVALID', beyondDistribution('answers 500 or a plain 404'), async () => {
      const res = await c.req('POST', '/v2/Proj/App/blobs/uploads/')
      assertErrorCode(res, 'NAME_INVALID', 400)
    })

    test('invalid name on manifest PUT: 400 NAME_INVALID', beyondDistribution('answers 500 or a plain 404'), async () => {
      const res = await c.putManifest('proj/Bad_Name', 'v1', img.manifest, MT.ociManifest)
      assertErrorCode(res, 'NAME_INVALID', 400)
    })

    test('nested repository names (proj/sub/app) are served', async () => {
      const nested = `${uniqueRepo('nested')}/sub/app`
      const m = await pushImage(c, nested, 'v1')
      const res = await c.req('GET', `/v2/${nested}/manifests/v1`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 200)
      assert.equal(res.headers.get('docker-content-digest'), m.digest)
    })
  })
})
