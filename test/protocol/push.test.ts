// OCI Distribution Spec v1.1, push: blob uploads (monolithic, single POST, streamed, chunked),
// upload sessions, cross-repository mounts and manifest PUT with its errors
// (conformance/02_push_test.go and the spec's "Push" section).
import { describe, test, before } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import {
  MT, EMPTY_JSON, useRegistry, pushReferrer, uniqueRepo, uniqueBlob, sha256, sha512, descriptorOf,
  ociManifest, ociIndex, assertErrorCode, assertSpecError, assertStatus, beyondDistribution, rawRequest, rawToRes,
} from './client.js'

describe('push', () => {
  const { c, url } = useRegistry()

  async function assertBlob(repo: string, data: Buffer, digest = sha256(data)): Promise<void> {
    const res = await c.req('GET', `/v2/${repo}/blobs/${digest}`)
    assertStatus(res, 200, `GET blob ${digest}`)
    assert.deepEqual(res.body, data)
  }
  async function assertNoBlob(repo: string, digest: string): Promise<void> {
    const res = await c.req('HEAD', `/v2/${repo}/blobs/${digest}`)
    assertStatus(res, 404, `HEAD blob ${digest}`)
  }
  /** The path (and query) of a Location header, absolute or relative. */
  const pathOf = (location: string | null) => (location ? c.url(location).pathname : '')

  describe('monolithic', () => {
    const repo = uniqueRepo('mono')

    test('POST starts a session: 202, Location under /v2/<name>/blobs/uploads/', async () => {
      const { res, location } = await c.startUpload(repo)
      assertStatus(res, 202)
      assert.ok(location, 'Location')
      assert.ok(pathOf(location).startsWith(`/v2/${repo}/blobs/uploads/`), `Location ${location}`)
    })

    test('POST then PUT ?digest=: 201, Location is the pullable blob, Docker-Content-Digest', async () => {
      const data = uniqueBlob('mono', 1000)
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { query: { digest: sha256(data) }, headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(put, 201)
      assert.equal(put.headers.get('docker-content-digest'), sha256(data))
      const loc = put.headers.get('location')
      assert.ok(loc, 'Location')
      assert.equal(pathOf(loc), `/v2/${repo}/blobs/${sha256(data)}`)
      const get = await c.req('GET', loc)
      assertStatus(get, 200)
      assert.deepEqual(get.body, data)
    })

    test('POST ?digest= with the blob: 201 in one request, Location, then GET 200', beyondDistribution('no single-POST upload (202)'), async () => {
      const data = uniqueBlob('single post', 500)
      const res = await c.req('POST', `/v2/${repo}/blobs/uploads/`, { query: { digest: sha256(data) }, headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(res, 201)
      assert.ok(res.headers.get('location'), 'Location')
      assert.equal(pathOf(res.headers.get('location')), `/v2/${repo}/blobs/${sha256(data)}`)
      await assertBlob(repo, data)
    })

    test('POST ?digest= with a wrong digest: 400 DIGEST_INVALID, nothing visible', beyondDistribution('no single-POST upload (202)'), async () => {
      const data = uniqueBlob('single post bad', 100)
      const wrong = sha256(uniqueBlob('other'))
      const res = await c.req('POST', `/v2/${repo}/blobs/uploads/`, { query: { digest: wrong }, headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertErrorCode(res, 'DIGEST_INVALID', 400)
      await assertNoBlob(repo, wrong)
      await assertNoBlob(repo, sha256(data))
    })

    test('PUT with a digest that does not match: 400 DIGEST_INVALID, neither digest visible', async () => {
      const data = uniqueBlob('wrong digest', 100)
      const wrong = sha256(uniqueBlob('something else'))
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { query: { digest: wrong }, headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
      await assertNoBlob(repo, wrong)
      await assertNoBlob(repo, sha256(data))
    })

    test('PUT without ?digest=: 400 DIGEST_INVALID', async () => {
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { headers: { 'content-type': 'application/octet-stream' }, body: uniqueBlob('no digest') })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
    })

    test('PUT with a malformed digest: 400 DIGEST_INVALID', async () => {
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { query: { digest: 'sha256:nothex' }, headers: { 'content-type': 'application/octet-stream' }, body: uniqueBlob('bad digest') })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
    })

    test('an empty blob (0 bytes) uploads and reads back', async () => {
      const data = Buffer.alloc(0)
      await c.pushBlob(repo, data)
      const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
      assertStatus(res, 200)
      assert.equal(res.body.length, 0)
      assert.equal(res.headers.get('content-length'), '0')
    })

    test('a 3 MiB blob uploads and reads back byte for byte', async () => {
      const data = uniqueBlob('big', 3 * 1024 * 1024)
      await c.pushBlob(repo, data)
      await assertBlob(repo, data)
    })

    test('pushing the same blob twice is fine (second PUT 201)', async () => {
      const data = uniqueBlob('twice')
      await c.pushBlob(repo, data)
      await c.pushBlob(repo, data)
      await assertBlob(repo, data)
    })
  })

  describe('streamed', () => {
    const repo = uniqueRepo('stream')

    test('PATCH with the blob in the body (no Content-Range): 202, then PUT ?digest=: 201', async () => {
      const data = uniqueBlob('streamed', 2000)
      const { res: post, location } = await c.startUpload(repo)
      assertStatus(post, 202)
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(patch, 202)
      const next = patch.headers.get('location')
      assert.ok(next, 'PATCH Location')
      assert.equal(patch.headers.get('range'), `0-${data.length - 1}`)
      const put = await c.req('PUT', next, { query: { digest: sha256(data) }, headers: { 'content-type': 'application/octet-stream' } })
      assertStatus(put, 201)
      assert.ok(put.headers.get('location'), 'PUT Location')
      await assertBlob(repo, data)
    })

    test('PATCH with Transfer-Encoding: chunked (no Content-Length): 202, then PUT: 201', async () => {
      const parts = [uniqueBlob('part a', 700), uniqueBlob('part b', 900), uniqueBlob('part c', 50)]
      const data = Buffer.concat(parts)
      const { location } = await c.startUpload(repo)
      const u = c.url(location)
      const patch = rawToRes(await rawRequest(url(), 'PATCH', u.pathname + u.search, { 'content-type': 'application/octet-stream' }, parts))
      assertStatus(patch, 202)
      assert.equal(patch.headers.get('range'), `0-${data.length - 1}`)
      const put = await c.req('PUT', patch.headers.get('location')!, { query: { digest: sha256(data) } })
      assertStatus(put, 201)
      await assertBlob(repo, data)
    })
  })

  describe('chunked', () => {
    const repo = uniqueRepo('chunked')
    const blob = uniqueBlob('chunked blob', 25)
    const chunk1 = blob.subarray(0, 3)
    const chunk2 = blob.subarray(3)
    const range1 = `0-${chunk1.length - 1}`
    const range2 = `${chunk1.length}-${blob.length - 1}`
    let firstLocation = ''
    let lastLocation = ''

    /** A session with chunk1 accepted; returns the first (POST) and latest (PATCH) Locations. */
    async function sessionWithChunk1(): Promise<{ first: string; last: string }> {
      const { res, location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      assertStatus(res, 202)
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': range1 }, body: chunk1 })
      assertStatus(patch, 202)
      return { first: location, last: patch.headers.get('location')! }
    }

    test('out-of-order first chunk: 416', beyondDistribution('accepts out-of-order chunks (202)'), async () => {
      const { res, location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      assertStatus(res, 202)
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': range2 }, body: chunk2 })
      assertStatus(patch, 416)
    })

    test('retrying the previous chunk: 416, and the session still reports Range 0-2', beyondDistribution('accepts out-of-order chunks (202)'), async () => {
      const s = await sessionWithChunk1()
      const patch = await c.req('PATCH', s.first, { headers: { 'content-type': 'application/octet-stream', 'content-range': range1 }, body: chunk1 })
      assertStatus(patch, 416)
      const status = await c.req('GET', s.last)
      assertStatus(status, 204)
      assert.equal(status.headers.get('range'), range1)
    })

    test('a chunk leaving a gap: 416', beyondDistribution('accepts out-of-order chunks (202)'), async () => {
      const s = await sessionWithChunk1()
      const patch = await c.req('PATCH', s.last, { headers: { 'content-type': 'application/octet-stream', 'content-range': `${chunk1.length + 1}-${blob.length}` }, body: chunk2 })
      assertStatus(patch, 416)
    })

    test('first chunk: 202, Location, Range 0-2', async () => {
      const { res, location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      assertStatus(res, 202)
      firstLocation = location
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': range1 }, body: chunk1 })
      assertStatus(patch, 202)
      assert.equal(patch.headers.get('range'), range1)
      assert.ok(patch.headers.get('location'), 'Location')
      lastLocation = patch.headers.get('location')!
    })

    test('GET on the (stale) session URL from POST: 204, Location, Range 0-2, Docker-Upload-UUID', beyondDistribution('session state lives in the URL, the POST URL reports 0-0'), async () => {
      assert.ok(firstLocation)
      const res = await c.req('GET', firstLocation)
      assertStatus(res, 204)
      assert.ok(res.headers.get('location'), 'Location')
      assert.equal(res.headers.get('range'), range1)
      assert.ok(res.headers.get('docker-upload-uuid'), 'Docker-Upload-UUID')
    })

    test('second chunk: 202, Range 0-24', async () => {
      const patch = await c.req('PATCH', lastLocation, { headers: { 'content-type': 'application/octet-stream', 'content-range': range2 }, body: chunk2 })
      assertStatus(patch, 202)
      assert.equal(patch.headers.get('range'), `0-${blob.length - 1}`)
      assert.ok(patch.headers.get('location'))
      lastLocation = patch.headers.get('location')!
    })

    test('PUT ?digest= with no body closes it: 201, Location, then GET returns the whole blob', async () => {
      const put = await c.req('PUT', lastLocation, { query: { digest: sha256(blob) }, headers: { 'content-type': 'application/octet-stream' } })
      assertStatus(put, 201)
      assert.ok(put.headers.get('location'))
      await assertBlob(repo, blob)
    })

    test('the closed session is gone: GET 404 BLOB_UPLOAD_UNKNOWN', async () => {
      const res = await c.req('GET', lastLocation)
      assertErrorCode(res, 'BLOB_UPLOAD_UNKNOWN', 404)
    })

    test('final chunk in the closing PUT: 201 and the whole blob', async () => {
      const data = uniqueBlob('final chunk in put', 40)
      const a = data.subarray(0, 10)
      const b = data.subarray(10)
      const { location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': `0-${a.length - 1}` }, body: a })
      assertStatus(patch, 202)
      const put = await c.req('PUT', patch.headers.get('location')!, {
        query: { digest: sha256(data) },
        headers: { 'content-type': 'application/octet-stream', 'content-range': `${a.length}-${data.length - 1}` },
        body: b,
      })
      assertStatus(put, 201)
      assert.ok(put.headers.get('location'))
      await assertBlob(repo, data)
    })

    test('three chunks then PUT with the wrong digest: 400 DIGEST_INVALID, nothing visible', async () => {
      const data = uniqueBlob('three chunks', 90)
      let { location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      for (let i = 0; i < 3; i++) {
        const part = data.subarray(i * 30, i * 30 + 30)
        const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': `${i * 30}-${i * 30 + 29}` }, body: part })
        assertStatus(patch, 202)
        assert.equal(patch.headers.get('range'), `0-${i * 30 + 29}`)
        location = patch.headers.get('location')!
      }
      const wrong = sha256(uniqueBlob('not it'))
      const put = await c.req('PUT', location, { query: { digest: wrong } })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
      await assertNoBlob(repo, sha256(data))
      await assertNoBlob(repo, wrong)
    })
  })

  describe('upload sessions', () => {
    const repo = uniqueRepo('session')

    test('POST answers 202 with Location and Docker-Upload-UUID', async () => {
      const { res, location } = await c.startUpload(repo)
      assertStatus(res, 202)
      assert.ok(location)
      assert.ok(res.headers.get('docker-upload-uuid'), 'Docker-Upload-UUID')
    })

    test('GET status of a session with bytes: 204, Range 0-N, Location, Docker-Upload-UUID', async () => {
      const data = uniqueBlob('status', 64)
      const { location } = await c.startUpload(repo)
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(patch, 202)
      const res = await c.req('GET', patch.headers.get('location')!)
      assertStatus(res, 204)
      assert.equal(res.headers.get('range'), `0-${data.length - 1}`)
      assert.ok(res.headers.get('location'))
      assert.ok(res.headers.get('docker-upload-uuid'))
      assert.equal(res.body.length, 0)
    })

    test('DELETE cancels: 204, then GET/PATCH/PUT on it answer 404 BLOB_UPLOAD_UNKNOWN', async () => {
      const data = uniqueBlob('cancel')
      const { location } = await c.startUpload(repo)
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(patch, 202)
      const loc = patch.headers.get('location')!
      const del = await c.req('DELETE', loc)
      assertStatus(del, 204)
      assertErrorCode(await c.req('GET', loc), 'BLOB_UPLOAD_UNKNOWN', 404)
      assertErrorCode(await c.req('PATCH', loc, { headers: { 'content-type': 'application/octet-stream' }, body: data }), 'BLOB_UPLOAD_UNKNOWN', 404)
      assertErrorCode(await c.req('PUT', loc, { query: { digest: sha256(data) } }), 'BLOB_UPLOAD_UNKNOWN', 404)
      await assertNoBlob(repo, sha256(data))
    })

    test('DELETE of a cancelled session: 404 BLOB_UPLOAD_UNKNOWN', async () => {
      const { location } = await c.startUpload(repo)
      assertStatus(await c.req('DELETE', location), 204)
      assertErrorCode(await c.req('DELETE', location), 'BLOB_UPLOAD_UNKNOWN', 404)
    })

    test('an unknown session id: GET, PATCH, PUT, DELETE answer 404 BLOB_UPLOAD_UNKNOWN', beyondDistribution('session state lives in the _state query parameter'), async () => {
      const path = `/v2/${repo}/blobs/uploads/${randomUUID()}`
      assertErrorCode(await c.req('GET', path), 'BLOB_UPLOAD_UNKNOWN', 404)
      assertErrorCode(await c.req('PATCH', path, { body: Buffer.from('x') }), 'BLOB_UPLOAD_UNKNOWN', 404)
      assertErrorCode(await c.req('PUT', path, { query: { digest: sha256('x') }, body: Buffer.from('x') }), 'BLOB_UPLOAD_UNKNOWN', 404)
      assertErrorCode(await c.req('DELETE', path), 'BLOB_UPLOAD_UNKNOWN', 404)
    })

    test('a session belongs to its repository: using it under another name answers 404 BLOB_UPLOAD_UNKNOWN', beyondDistribution('session state lives in the _state query parameter'), async () => {
      const { location } = await c.startUpload(repo)
      const u = c.url(location)
      const other = uniqueRepo('session-other')
      const path = u.pathname.replace(`/v2/${repo}/`, `/v2/${other}/`) + u.search
      const data = uniqueBlob('wrong repo')
      const put = await c.req('PUT', path, { query: { digest: sha256(data) }, body: data })
      assertErrorCode(put, 'BLOB_UPLOAD_UNKNOWN', 404)
      await assertNoBlob(other, sha256(data))
    })
  })

  describe('sha512', () => {
    const repo = uniqueRepo('sha512')

    test('POST then PUT ?digest=sha512:…: 201, GET by the sha512 digest returns the bytes', async () => {
      const data = uniqueBlob('sha512 mono', 300)
      await c.pushBlob(repo, data, sha512(data))
      await assertBlob(repo, data, sha512(data))
      const head = await c.req('HEAD', `/v2/${repo}/blobs/${sha512(data)}`)
      assertStatus(head, 200)
      assert.equal(head.headers.get('content-length'), String(data.length))
    })

    test('single POST ?digest=sha512:…: 201', beyondDistribution('no single-POST upload (202)'), async () => {
      const data = uniqueBlob('sha512 post', 100)
      const res = await c.req('POST', `/v2/${repo}/blobs/uploads/`, { query: { digest: sha512(data) }, headers: { 'content-type': 'application/octet-stream' }, body: data })
      assertStatus(res, 201)
      await assertBlob(repo, data, sha512(data))
    })

    test('chunked upload closed with a sha512 digest: 201', async () => {
      const data = uniqueBlob('sha512 chunks', 60)
      const { location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': '0-29' }, body: data.subarray(0, 30) })
      assertStatus(patch, 202)
      const put = await c.req('PUT', patch.headers.get('location')!, { query: { digest: sha512(data) }, headers: { 'content-type': 'application/octet-stream', 'content-range': '30-59' }, body: data.subarray(30) })
      assertStatus(put, 201)
      await assertBlob(repo, data, sha512(data))
    })

    test('wrong sha512 digest: 400 DIGEST_INVALID', async () => {
      const data = uniqueBlob('sha512 wrong')
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { query: { digest: sha512(uniqueBlob('other')) }, body: data })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
    })

    test('a manifest whose layer is named by sha512: 201', async () => {
      const layer = uniqueBlob('sha512 layer', 100)
      await c.pushBlob(repo, layer, sha512(layer))
      await c.pushBlob(repo, EMPTY_JSON)
      const m = ociManifest(descriptorOf(MT.ociEmpty, EMPTY_JSON), [{ mediaType: MT.ociLayer, digest: sha512(layer), size: layer.length }], { artifactType: 'application/vnd.example.sha512' })
      await c.pushManifest(repo, 'sha512', m, MT.ociManifest)
    })
  })

  describe('cross-repository mount', () => {
    const from = uniqueRepo('mount-from')
    const into = uniqueRepo('mount-into', 'other')
    const data = uniqueBlob('mountable', 400)

    before(async () => { await c.pushBlob(from, data) })

    test('mount of a blob in `from`: 201, Location /v2/<name>/blobs/<digest>, then GET 200', async () => {
      const res = await c.req('POST', `/v2/${into}/blobs/uploads/`, { query: { mount: sha256(data), from } })
      assertStatus(res, 201)
      assert.equal(pathOf(res.headers.get('location')), `/v2/${into}/blobs/${sha256(data)}`)
      assert.equal(res.headers.get('docker-content-digest'), sha256(data))
      await assertBlob(into, data)
    })

    test('mount of a blob not in `from`: 202 with an upload session that works', async () => {
      const absent = uniqueBlob('not there')
      const target = uniqueRepo('mount-fallback')
      const res = await c.req('POST', `/v2/${target}/blobs/uploads/`, { query: { mount: sha256(absent), from } })
      assertStatus(res, 202)
      const location = res.headers.get('location')
      assert.ok(pathOf(location).startsWith(`/v2/${target}/blobs/uploads/`), `Location ${location}`)
      const put = await c.req('PUT', location!, { query: { digest: sha256(absent) }, body: absent })
      assertStatus(put, 201)
      await assertBlob(target, absent)
    })

    test('mount from a repository that does not exist: 202', async () => {
      const target = uniqueRepo('mount-nofrom')
      const res = await c.req('POST', `/v2/${target}/blobs/uploads/`, { query: { mount: sha256(data), from: uniqueRepo('never') } })
      assertStatus(res, 202)
      assert.ok(res.headers.get('location'))
      await assertNoBlob(target, sha256(data))
    })

    test('mount without `from` of a blob the caller can read elsewhere: 202, no automatic mount (run upstream with OCI_AUTOMATIC_CROSSMOUNT unset or false)', async () => {
      const target = uniqueRepo('mount-auto')
      const res = await c.req('POST', `/v2/${target}/blobs/uploads/`, { query: { mount: sha256(data) } })
      assertStatus(res, 202)
      assert.ok(pathOf(res.headers.get('location')).startsWith(`/v2/${target}/blobs/uploads/`))
      await assertNoBlob(target, sha256(data))
    })

    test('mount without `from` of an unknown digest: 202 with a session', async () => {
      const target = uniqueRepo('mount-nofrom')
      const res = await c.req('POST', `/v2/${target}/blobs/uploads/`, { query: { mount: sha256('hello world') } })
      assertStatus(res, 202)
      assert.ok(pathOf(res.headers.get('location')).startsWith(`/v2/${target}/blobs/uploads/`))
    })

    test('a mounted blob can be referenced by a manifest in the target repository', async () => {
      const target = uniqueRepo('mount-manifest')
      const res = await c.req('POST', `/v2/${target}/blobs/uploads/`, { query: { mount: sha256(data), from } })
      assertStatus(res, 201)
      await c.pushBlob(target, EMPTY_JSON)
      const m = ociManifest(descriptorOf(MT.ociEmpty, EMPTY_JSON), [descriptorOf(MT.ociLayer, data)], { artifactType: 'application/vnd.example.mounted' })
      await c.pushManifest(target, 'v1', m, MT.ociManifest)
    })
  })

  describe('manifests', () => {
    const repo = uniqueRepo('manifest')
    let config: Buffer
    let layer: Buffer
    let image: Buffer

    before(async () => {
      config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }))
      layer = uniqueBlob('manifest layer', 128)
      await c.pushBlob(repo, config)
      await c.pushBlob(repo, layer)
      await c.pushBlob(repo, EMPTY_JSON)
      image = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)])
    })

    test('GET nonexistent manifest (".INVALID_MANIFEST_NAME", conformance 02): 404', async () => {
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/.INVALID_MANIFEST_NAME`, { headers: { accept: MT.ociManifest } }), 404)
    })

    test('PUT OCI image manifest under 4 tags: each 201 with Location and Docker-Content-Digest', async () => {
      for (let i = 0; i < 4; i++) {
        const res = await c.putManifest(repo, `test${i}`, image, MT.ociManifest)
        assertStatus(res, 201)
        assert.ok(res.headers.get('location'), 'Location')
        assert.equal(res.headers.get('docker-content-digest'), sha256(image))
      }
      const get = await c.req('GET', `/v2/${repo}/manifests/${sha256(image)}`, { headers: { accept: MT.ociManifest } })
      assertStatus(get, 200)
      assert.deepEqual(get.body, image)
    })

    test('Location of a pushed manifest is pullable', async () => {
      const res = await c.putManifest(repo, 'loc', image, MT.ociManifest)
      assertStatus(res, 201)
      const get = await c.req('GET', res.headers.get('location')!, { headers: { accept: MT.ociManifest } })
      assertStatus(get, 200)
      assert.deepEqual(get.body, image)
    })

    test('PUT by digest: 201, Docker-Content-Digest equals it', async () => {
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)], { annotations: { 'org.example.by': 'digest' } })
      const res = await c.putManifest(repo, sha256(m), m, MT.ociManifest)
      assertStatus(res, 201)
      assert.equal(res.headers.get('docker-content-digest'), sha256(m))
    })

    test('the registry stores the exact bytes (odd whitespace and key order survive)', async () => {
      const m = Buffer.from(`{"layers":[${JSON.stringify(descriptorOf(MT.ociLayer, layer))}],   "schemaVersion":2,\n\t"config":${JSON.stringify(descriptorOf(MT.ociConfig, config))},"mediaType":"${MT.ociManifest}"}  `)
      await c.pushManifest(repo, 'odd-bytes', m, MT.ociManifest)
      const get = await c.req('GET', `/v2/${repo}/manifests/odd-bytes`, { headers: { accept: MT.ociManifest } })
      assert.deepEqual(get.body, m)
      assert.equal(get.headers.get('docker-content-digest'), sha256(m))
    })

    test('a manifest with no layers: 201', async () => {
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [], { annotations: { 'org.example': 'no layers' } })
      await c.pushManifest(repo, 'emptylayer', m, MT.ociManifest)
    })

    test('an OCI manifest without the mediaType field (Content-Type says it): 201, served as pushed', async () => {
      // the conformance suite's emptyLayerManifest
      const m = Buffer.from(JSON.stringify({ schemaVersion: 2, config: descriptorOf(MT.ociConfig, config), layers: [], annotations: { 'org.example': 'no mediaType' } }, null, '\t'))
      await c.pushManifest(repo, 'no-mediatype', m, MT.ociManifest)
      const get = await c.req('GET', `/v2/${repo}/manifests/no-mediatype`, { headers: { accept: MT.ociManifest } })
      assertStatus(get, 200)
      assert.equal(get.headers.get('content-type'), MT.ociManifest)
      assert.deepEqual(get.body, m)
    })

    test('descriptors with `data` and fields no spec knows (as the conformance suite sends them): 201, served byte for byte', async () => {
      const m = Buffer.from(JSON.stringify({
        schemaVersion: 2, mediaType: MT.ociManifest,
        config: { ...descriptorOf(MT.ociConfig, config), data: config.toString('base64'), newUnspecifiedField: Buffer.from('hello world').toString('base64') },
        layers: [{ ...descriptorOf(MT.ociLayer, layer), data: null, newUnspecifiedField: null }],
      }, null, '\t'))
      await c.pushManifest(repo, 'unknown-fields', m, MT.ociManifest)
      const get = await c.req('GET', `/v2/${repo}/manifests/${sha256(m)}`, { headers: { accept: MT.ociManifest } })
      assertStatus(get, 200)
      assert.deepEqual(get.body, m)
    })

    test('custom config media type as artifact type (helm chart, wasm): 201', async () => {
      for (const [mt, tag] of [['application/vnd.cncf.helm.config.v1+json', 'helm'], ['application/vnd.wasm.config.v0+json', 'wasm']] as const) {
        const cfg = Buffer.from(JSON.stringify({ name: tag, version: '1.0.0' }))
        const content = uniqueBlob(tag, 64)
        await c.pushBlob(repo, cfg)
        await c.pushBlob(repo, content)
        const m = ociManifest(descriptorOf(mt, cfg), [descriptorOf(tag === 'helm' ? 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' : 'application/vnd.wasm.content.layer.v1+wasm', content)])
        await c.pushManifest(repo, tag, m, MT.ociManifest)
        const get = await c.req('GET', `/v2/${repo}/manifests/${tag}`, { headers: { accept: MT.ociManifest } })
        assertStatus(get, 200)
        assert.deepEqual(get.body, m)
      }
    })

    test('artifactType with the empty config: 201, artifactType kept', async () => {
      const m = ociManifest(descriptorOf(MT.ociEmpty, EMPTY_JSON), [descriptorOf('application/vnd.example.data', layer)], { artifactType: 'application/vnd.example.sbom.v1' })
      await c.pushManifest(repo, 'artifact', m, MT.ociManifest)
      const get = await c.req('GET', `/v2/${repo}/manifests/artifact`, { headers: { accept: MT.ociManifest } })
      assert.equal(get.json().artifactType, 'application/vnd.example.sbom.v1')
    })

    test('OCI image index over existing manifests: 201; nested index: 201', async () => {
      await c.pushManifest(repo, 'child', image, MT.ociManifest)
      const index = ociIndex([descriptorOf(MT.ociManifest, image, { platform: { architecture: 'amd64', os: 'linux' } })], { artifactType: 'application/vnd.example.index', annotations: { 'org.example.key': 'test index' } })
      const res = await c.putManifest(repo, sha256(index), index, MT.ociIndex)
      assertStatus(res, 201)
      assert.equal(res.headers.get('docker-content-digest'), sha256(index))
      const nested = ociIndex([descriptorOf(MT.ociIndex, index)], { annotations: { 'org.example.key': 'nested' } })
      assertStatus(await c.putManifest(repo, 'nested', nested, MT.ociIndex), 201)
      const get = await c.req('GET', `/v2/${repo}/manifests/nested`, { headers: { accept: MT.ociIndex } })
      assertStatus(get, 200)
      assert.equal(get.headers.get('content-type'), MT.ociIndex)
      assert.deepEqual(get.body, nested)
    })

    test('OCI index whose child manifest is missing: 400 MANIFEST_BLOB_UNKNOWN', async () => {
      const missing = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, uniqueBlob('never pushed'))])
      const index = ociIndex([descriptorOf(MT.ociManifest, missing)])
      const res = await c.putManifest(repo, 'badindex', index, MT.ociIndex)
      assertErrorCode(res, 'MANIFEST_BLOB_UNKNOWN', 400)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/badindex`, { headers: { accept: MT.ociIndex } }), 404)
    })

    test('Docker schema2 manifest and manifest list: 201', async () => {
      const dcfg = Buffer.from(JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, d: 1 }))
      await c.pushBlob(repo, dcfg)
      const docker = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.dockerManifest, config: descriptorOf(MT.dockerConfig, dcfg), layers: [descriptorOf(MT.dockerLayer, layer)] }))
      const r1 = await c.putManifest(repo, 'docker', docker, MT.dockerManifest)
      assertStatus(r1, 201)
      assert.equal(r1.headers.get('docker-content-digest'), sha256(docker))
      const list = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.dockerList, manifests: [{ ...descriptorOf(MT.dockerManifest, docker), platform: { architecture: 'arm64', os: 'linux' } }] }))
      const r2 = await c.putManifest(repo, 'dockerlist', list, MT.dockerList)
      assertStatus(r2, 201)
      const get = await c.req('GET', `/v2/${repo}/manifests/dockerlist`, { headers: { accept: MT.dockerList } })
      assert.equal(get.headers.get('content-type'), MT.dockerList)
      assert.deepEqual(get.body, list)
    })

    test('Docker manifest list whose child is missing: 400 MANIFEST_BLOB_UNKNOWN', async () => {
      const ghost = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.dockerManifest, ghost: uniqueBlob().toString('hex') }))
      const list = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.dockerList, manifests: [{ ...descriptorOf(MT.dockerManifest, ghost), platform: { architecture: 'amd64', os: 'linux' } }] }))
      assertErrorCode(await c.putManifest(repo, 'badlist', list, MT.dockerList), 'MANIFEST_BLOB_UNKNOWN', 400)
    })

    test('missing layer: 400 MANIFEST_BLOB_UNKNOWN, nothing stored', async () => {
      const ghost = uniqueBlob('ghost layer')
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, ghost)])
      assertErrorCode(await c.putManifest(repo, 'missing-layer', m, MT.ociManifest), 'MANIFEST_BLOB_UNKNOWN', 400)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/missing-layer`, { headers: { accept: MT.ociManifest } }), 404)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/${sha256(m)}`, { headers: { accept: MT.ociManifest } }), 404)
    })

    test('missing config: 400 MANIFEST_BLOB_UNKNOWN', async () => {
      const ghost = Buffer.from(JSON.stringify({ ghost: uniqueBlob().toString('hex') }))
      const m = ociManifest(descriptorOf(MT.ociConfig, ghost), [descriptorOf(MT.ociLayer, layer)])
      assertErrorCode(await c.putManifest(repo, 'missing-config', m, MT.ociManifest), 'MANIFEST_BLOB_UNKNOWN', 400)
    })

    // Beyond the distribution spec: image-spec descriptors' size MUST be the content's size, and
    // quotas count these sizes; distribution does not check.
    test('a layer whose size does not match the blob: 400 MANIFEST_INVALID or MANIFEST_BLOB_UNKNOWN or SIZE_INVALID', beyondDistribution('does not check descriptor sizes'), async () => {
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [{ ...descriptorOf(MT.ociLayer, layer), size: layer.length + 1 }])
      assertErrorCode(await c.putManifest(repo, 'bad-size', m, MT.ociManifest), ['MANIFEST_INVALID', 'MANIFEST_BLOB_UNKNOWN', 'SIZE_INVALID'], 400)
    })

    test('invalid JSON: 400 MANIFEST_INVALID', async () => {
      assertErrorCode(await c.putManifest(repo, 'garbage', 'blablabla', MT.ociManifest), 'MANIFEST_INVALID', 400)
      assertErrorCode(await c.putManifest(repo, 'garbage', '{"schemaVersion":2,', MT.ociIndex), 'MANIFEST_INVALID', 400)
    })

    test('schemaVersion other than 2: 400 MANIFEST_INVALID', beyondDistribution('accepts schemaVersion 3 in an OCI manifest'), async () => {
      const m = Buffer.from(JSON.stringify({ schemaVersion: 3, mediaType: MT.ociManifest, config: descriptorOf(MT.ociConfig, config), layers: [] }))
      assertErrorCode(await c.putManifest(repo, 'v3', m, MT.ociManifest), 'MANIFEST_INVALID', 400)
    })

    test('mediaType field disagreeing with Content-Type: 400 MANIFEST_INVALID', async () => {
      const m = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, config: descriptorOf(MT.ociConfig, config), layers: [] }))
      assertErrorCode(await c.putManifest(repo, 'mismatch', m, MT.ociManifest), 'MANIFEST_INVALID', 400)
    })

    test('PUT with reference "sha256:totallywrong" and an invalid body: 400 with a spec error code (the "Error codes" check of conformance before v1.1)', async () => {
      const res = await c.putManifest(repo, 'sha256:totallywrong', 'blablabla', MT.ociManifest)
      assertStatus(res, 400)
      assertSpecError(res)
    })

    test('PUT by a digest that does not match the body: 400 DIGEST_INVALID, nothing stored', async () => {
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)], { annotations: { 'org.example': 'mismatch' } })
      const claimed = sha256(uniqueBlob('claimed'))
      assertErrorCode(await c.putManifest(repo, claimed, m, MT.ociManifest), 'DIGEST_INVALID', 400)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/${claimed}`, { headers: { accept: MT.ociManifest } }), 404)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/${sha256(m)}`, { headers: { accept: MT.ociManifest } }), 404)
    })

    test('PUT with an invalid tag (129 chars, leading dot or dash): 400 with a v1.1 error code, nothing stored', beyondDistribution('answers a plain 404'), async () => {
      for (const tag of ['t'.repeat(129), '.dot', '-dash']) {
        const res = await c.putManifest(repo, tag, image, MT.ociManifest)
        assertStatus(res, 400, `PUT tag ${tag.slice(0, 10)}`)
        assertSpecError(res)
      }
    })

    test('a 128-character tag is valid: 201', async () => {
      await c.pushManifest(repo, `_${'t'.repeat(127)}`, image, MT.ociManifest)
    })

    test('a manifest of 4,000,000 bytes is accepted (spec: support at least 4 megabytes)', async () => {
      const base = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)], { annotations: { 'org.example.pad': '' } })
      const pad = 4_000_000 - base.length
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)], { annotations: { 'org.example.pad': 'x'.repeat(pad) } })
      assert.equal(m.length, 4_000_000)
      await c.pushManifest(repo, 'big', m, MT.ociManifest)
      const get = await c.req('GET', `/v2/${repo}/manifests/big`, { headers: { accept: MT.ociManifest } })
      assert.equal(get.body.length, m.length)
    })

    test('a manifest over the limit (16 MiB): 413 with an OCI error, nothing stored', beyondDistribution('answers 400 MANIFEST_INVALID'), async () => {
      const pad = 16 * 1024 * 1024
      const m = ociManifest(descriptorOf(MT.ociConfig, config), [descriptorOf(MT.ociLayer, layer)], { annotations: { 'org.example.pad': 'x'.repeat(pad) } })
      const res = rawToRes(await rawRequest(url(), 'PUT', `/v2/${repo}/manifests/huge`, { 'content-type': MT.ociManifest }, m))
      assertStatus(res, 413)
      assertSpecError(res)
      assertStatus(await c.req('GET', `/v2/${repo}/manifests/huge`, { headers: { accept: MT.ociManifest } }), 404)
    })

    test('subject: a dangling subject is accepted (201) and answered with OCI-Subject', async (t) => {
      const subject = descriptorOf(MT.ociManifest, Buffer.from(JSON.stringify({ never: 'pushed', n: uniqueBlob().toString('hex') })))
      const { res } = await pushReferrer(c, repo, subject, { artifactType: 'application/vnd.example.dangling' })
      await t.test('OCI-Subject header', beyondDistribution('no referrers support'), () => {
        assert.equal(res.headers.get('oci-subject'), subject.digest)
      })
    })

    test('subject of an existing manifest: 201 with OCI-Subject', beyondDistribution('no referrers support'), async () => {
      const subject = descriptorOf(MT.ociManifest, image)
      const { res } = await pushReferrer(c, repo, subject, { configMediaType: 'application/vnd.example.sig.config' })
      assert.equal(res.headers.get('oci-subject'), subject.digest)
    })

    test('an index with a subject: 201 with OCI-Subject', beyondDistribution('no referrers support'), async () => {
      const subject = descriptorOf(MT.ociManifest, image)
      const index = ociIndex([descriptorOf(MT.ociManifest, image)], { subject, artifactType: 'application/vnd.example.index.referrer' })
      const res = await c.putManifest(repo, sha256(index), index, MT.ociIndex)
      assertStatus(res, 201)
      assert.equal(res.headers.get('oci-subject'), subject.digest)
    })
  })
})
