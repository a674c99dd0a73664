// Concurrent and interrupted pushes: the same blob or manifest pushed twice at once, and
// uploads whose client dies mid-body. Whatever happens, what is visible is whole and correct.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { request as httpRequest } from 'node:http'
import {
  MT, DEFAULT_AUTH, useRegistry, pushImage, uniqueRepo, uniqueBlob, sha256, descriptorOf, ociManifest,
  assertErrorCode, assertStatus, beyondDistribution, type Res,
} from './client.js'

/**
 * Sends the request head with `Expect: 100-continue` and, once the server has taken the request
 * in (its 100 Continue), the first bytes of a body announced as `total` bytes; then destroys the
 * socket. Rejects if the server answers instead: then nothing was cut off mid-body.
 */
function abortMidBody(base: string, method: string, path: string, total: number, sent: Buffer): Promise<void> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: u.hostname, port: u.port, method, path,
      headers: {
        ...(DEFAULT_AUTH ? { authorization: DEFAULT_AUTH } : {}),
        'content-type': 'application/octet-stream', 'content-length': String(total), expect: '100-continue',
      },
    })
    req.on('response', (res) => {
      res.resume()
      reject(new Error(`${method} ${path} was answered ${res.statusCode} before its body was cut off`))
    })
    req.on('continue', () => req.write(sent, () => req.destroy()))
    req.on('error', () => resolve())
    req.on('close', () => resolve())
    req.flushHeaders()
  })
}

/**
 * A request on an upload that a dead request still holds is answered 409 BLOB_UPLOAD_BUSY until
 * the server is done with it ("retry after the other request ends", docs/errors.md): sends
 * `send` again while it says so. Request after request, no timer.
 */
async function whenNotBusy(send: () => Promise<Res>): Promise<Res> {
  for (let i = 0; i < 10_000; i++) {
    const res = await send()
    if (res.status !== 409) return res
  }
  throw new Error('the upload stayed busy')
}

describe('concurrency', () => {
  const { c, url } = useRegistry()

  test('two concurrent monolithic uploads of the same blob both succeed (201)', async () => {
    const repo = uniqueRepo('conc-blob')
    const data = uniqueBlob('same blob', 2 * 1024 * 1024)
    const results = await Promise.all([c.pushBlob(repo, data), c.pushBlob(repo, data)])
    assert.deepEqual(results, [sha256(data), sha256(data)])
    const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
    assertStatus(res, 200)
    assert.equal(sha256(res.body), sha256(data))
  })

  test('five concurrent uploads of the same blob into five repositories all succeed', async () => {
    const data = uniqueBlob('fan out', 512 * 1024)
    const repos = Array.from({ length: 5 }, () => uniqueRepo('conc-fan'))
    await Promise.all(repos.map((r) => c.pushBlob(r, data)))
    for (const r of repos) {
      const res = await c.req('GET', `/v2/${r}/blobs/${sha256(data)}`)
      assertStatus(res, 200)
      assert.equal(sha256(res.body), sha256(data))
    }
  })

  test('two concurrent chunked uploads of the same blob both succeed', async () => {
    const repo = uniqueRepo('conc-chunks')
    const data = uniqueBlob('chunked twice', 300 * 1024)
    const upload = async () => {
      let { location } = await c.startUpload(repo, undefined, { headers: { 'content-length': '0' } })
      for (let off = 0; off < data.length; off += 100 * 1024) {
        const part = data.subarray(off, off + 100 * 1024)
        const patch = await c.req('PATCH', location, { headers: { 'content-type': 'application/octet-stream', 'content-range': `${off}-${off + part.length - 1}` }, body: part })
        assertStatus(patch, 202)
        location = patch.headers.get('location')!
      }
      assertStatus(await c.req('PUT', location, { query: { digest: sha256(data) } }), 201)
    }
    await Promise.all([upload(), upload()])
    const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
    assert.equal(sha256(res.body), sha256(data))
  })

  test('two concurrent single-POST uploads of the same blob both answer 201', beyondDistribution('no single-POST upload (202)'), async () => {
    const repo = uniqueRepo('conc-post')
    const data = uniqueBlob('single post twice', 256 * 1024)
    const post = () => c.req('POST', `/v2/${repo}/blobs/uploads/`, { query: { digest: sha256(data) }, headers: { 'content-type': 'application/octet-stream' }, body: data })
    const [a, b] = await Promise.all([post(), post()])
    assertStatus(a, 201)
    assertStatus(b, 201)
  })

  test('two concurrent PUTs of the same manifest and tag both succeed (201)', async () => {
    const repo = uniqueRepo('conc-manifest')
    const img = await pushImage(c, repo, 'first')
    const [a, b] = await Promise.all([
      c.putManifest(repo, 'v1', img.manifest, MT.ociManifest),
      c.putManifest(repo, 'v1', img.manifest, MT.ociManifest),
    ])
    assertStatus(a, 201)
    assertStatus(b, 201)
    const res = await c.req('GET', `/v2/${repo}/manifests/v1`, { headers: { accept: MT.ociManifest } })
    assertStatus(res, 200)
    assert.deepEqual(res.body, img.manifest)
    const tags = (await c.req('GET', `/v2/${repo}/tags/list`)).json().tags as string[]
    assert.deepEqual([...tags].sort(), ['first', 'v1'])
  })

  test('two concurrent PUTs of the same manifest by digest both succeed (201)', async () => {
    const repo = uniqueRepo('conc-digest')
    const img = await pushImage(c, repo, 'seed')
    const m = ociManifest(img.config, [img.layer], { annotations: { 'org.example': 'by digest' } })
    const [a, b] = await Promise.all([c.putManifest(repo, sha256(m), m, MT.ociManifest), c.putManifest(repo, sha256(m), m, MT.ociManifest)])
    assertStatus(a, 201)
    assertStatus(b, 201)
  })

  test('concurrent PUTs of different manifests to one tag: the tag ends on one of them, consistently', async () => {
    const repo = uniqueRepo('conc-race')
    const img = await pushImage(c, repo, 'seed')
    const variants = Array.from({ length: 6 }, (_, i) => ociManifest(img.config, [img.layer], { annotations: { 'org.example.i': String(i) } }))
    const results = await Promise.all(variants.map((m) => c.putManifest(repo, 'race', m, MT.ociManifest)))
    for (const r of results) assertStatus(r, 201)
    const res = await c.req('GET', `/v2/${repo}/manifests/race`, { headers: { accept: MT.ociManifest } })
    assertStatus(res, 200)
    assert.ok(variants.some((v) => v.equals(res.body)), 'the tag resolves to one of the pushed manifests')
    assert.equal(res.headers.get('docker-content-digest'), sha256(res.body))
    const head = await c.req('HEAD', `/v2/${repo}/manifests/race`, { headers: { accept: MT.ociManifest } })
    assert.equal(head.headers.get('docker-content-digest'), sha256(res.body))
    for (const v of variants) assertStatus(await c.req('HEAD', `/v2/${repo}/manifests/${sha256(v)}`, { headers: { accept: MT.ociManifest } }), 200)
  })

  test('a manifest PUT racing the upload of its layer: either 201 or 400 MANIFEST_BLOB_UNKNOWN, never 5xx', async () => {
    const repo = uniqueRepo('conc-layer-race')
    const img = await pushImage(c, repo, 'seed')
    const layer = uniqueBlob('late layer', 200 * 1024)
    const m = ociManifest(img.config, [descriptorOf(MT.ociLayer, layer)])
    const [, put] = await Promise.all([c.pushBlob(repo, layer), c.putManifest(repo, 'late', m, MT.ociManifest)])
    assertStatus(put, [201, 400])
    if (put.status === 400) assertErrorCode(put, 'MANIFEST_BLOB_UNKNOWN', 400)
    if (put.status === 201) assertStatus(await c.req('GET', `/v2/${repo}/blobs/${sha256(layer)}`), 200)
  })

  describe('aborted uploads', () => {
    test('monolithic PUT cut off mid-body: HEAD 404 before and after the server lets go; a full upload afterwards is whole', async () => {
      const repo = uniqueRepo('abort-put')
      const data = uniqueBlob('cut off', 1024 * 1024)
      const { location } = await c.startUpload(repo)
      const u = c.url(location, { digest: sha256(data) })
      await abortMidBody(url(), 'PUT', u.pathname + u.search, data.length, data.subarray(0, 256 * 1024))
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
      assertStatus(await whenNotBusy(() => c.req('DELETE', location)), [204, 404])
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
      await c.pushBlob(repo, data)
      const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
      assertStatus(res, 200)
      assert.equal(sha256(res.body), sha256(data))
    })

    test('single POST ?digest= cut off mid-body: HEAD 404; a full upload afterwards is whole', beyondDistribution('no single-POST upload: answers 202 without reading the body'), async () => {
      const repo = uniqueRepo('abort-post')
      const data = uniqueBlob('post cut off', 1024 * 1024)
      await abortMidBody(url(), 'POST', `/v2/${repo}/blobs/uploads/?digest=${sha256(data)}`, data.length, data.subarray(0, 300 * 1024))
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
      await c.pushBlob(repo, data)
      const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
      assertStatus(res, 200)
      assert.equal(sha256(res.body), sha256(data))
    })

    test('PATCH cut off mid-body, then PUT ?digest= of the whole blob: never 201 with wrong bytes', async () => {
      const repo = uniqueRepo('abort-patch')
      const data = uniqueBlob('patch cut off', 1024 * 1024)
      const { location } = await c.startUpload(repo)
      const u = c.url(location)
      await abortMidBody(url(), 'PATCH', u.pathname + u.search, data.length, data.subarray(0, 200 * 1024))
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
      // closing the session now cannot produce the blob: it lacks bytes
      const put = await whenNotBusy(() => c.req('PUT', location, { query: { digest: sha256(data) } }))
      assert.notEqual(put.status, 201, 'a truncated upload was accepted as the whole blob')
      assert.ok(put.status < 500, `PUT → ${put.status}`)
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
    })

    test('manifest PUT cut off mid-body: nothing stored under the tag or digest; the whole PUT afterwards works', async () => {
      const repo = uniqueRepo('abort-manifest')
      const img = await pushImage(c, repo, 'seed')
      const m = ociManifest(img.config, [img.layer], { annotations: { 'org.example.pad': 'x'.repeat(200 * 1024) } })
      await abortMidBody(url(), 'PUT', `/v2/${repo}/manifests/cut`, m.length, m.subarray(0, 100 * 1024))
      assertStatus(await c.req('HEAD', `/v2/${repo}/manifests/cut`, { headers: { accept: MT.ociManifest } }), 404)
      assertStatus(await c.req('HEAD', `/v2/${repo}/manifests/${sha256(m)}`, { headers: { accept: MT.ociManifest } }), 404)
      await c.pushManifest(repo, 'cut', m, MT.ociManifest)
      const res = await c.req('GET', `/v2/${repo}/manifests/cut`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 200)
      assert.deepEqual(res.body, m)
    })
  })
})
