// Repository isolation and hostile paths. Blobs are deduplicated globally but readable only
// through a repository that links them (DESIGN.md "The data path"); no path, however encoded,
// escapes the URL grammar, reads a file or makes the server fail.
import { describe, test, before } from 'node:test'
import assert from 'node:assert/strict'
import {
  MT, EMPTY_JSON, useRegistry, pushImage, uniqueRepo, uniqueBlob, sha256, descriptorOf, ociManifest, ociIndex,
  assertErrorCode, assertSpecError, assertStatus, beyondDistribution, rawRequest, rawToRes,
} from './client.js'

describe('isolation', () => {
  const { c, url } = useRegistry()

  describe('between repositories', () => {
    const a = uniqueRepo('iso-a')
    const b = uniqueRepo('iso-b')
    const bOtherProject = uniqueRepo('iso-b', 'other')
    const secret = uniqueBlob('only in a', 256)

    before(async () => {
      await c.pushBlob(a, secret)
      await pushImage(c, b, 'exists') // b exists as a repository
    })

    for (const [label, repo] of [['same project', b], ['another project', bOtherProject]] as const) {
      test(`a blob uploaded to A is not readable through B (${label}): GET/HEAD 404 BLOB_UNKNOWN`, async () => {
        assertErrorCode(await c.req('GET', `/v2/${repo}/blobs/${sha256(secret)}`), 'BLOB_UNKNOWN', 404)
        assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(secret)}`), 404)
        assertStatus(await c.req('GET', `/v2/${repo}/blobs/${sha256(secret)}`, { headers: { range: 'bytes=0-10' } }), 404)
      })
    }

    test('a manifest in B cannot reference a blob only A has: 400 MANIFEST_BLOB_UNKNOWN', async () => {
      await c.pushBlob(b, EMPTY_JSON)
      const m = ociManifest(descriptorOf(MT.ociEmpty, EMPTY_JSON), [descriptorOf(MT.ociLayer, secret)], { artifactType: 'application/vnd.example.steal' })
      assertErrorCode(await c.putManifest(b, 'steal', m, MT.ociManifest), 'MANIFEST_BLOB_UNKNOWN', 400)
      assertErrorCode(await c.req('GET', `/v2/${b}/blobs/${sha256(secret)}`), 'BLOB_UNKNOWN', 404)
    })

    test('a manifest in A is not readable through B: 404 MANIFEST_UNKNOWN', async () => {
      const img = await pushImage(c, a, 'v1')
      assertErrorCode(await c.req('GET', `/v2/${b}/manifests/${img.digest}`, { headers: { accept: MT.ociManifest } }), 'MANIFEST_UNKNOWN', 404)
      assertStatus(await c.req('HEAD', `/v2/${b}/manifests/${img.digest}`, { headers: { accept: MT.ociManifest } }), 404)
      assertErrorCode(await c.req('GET', `/v2/${b}/manifests/v1`, { headers: { accept: MT.ociManifest } }), 'MANIFEST_UNKNOWN', 404)
    })

    test('an index in B cannot point at a manifest only A has: 400 MANIFEST_BLOB_UNKNOWN', async () => {
      const img = await pushImage(c, a, 'for-index')
      const index = ociIndex([descriptorOf(MT.ociManifest, img.manifest)])
      assertErrorCode(await c.putManifest(b, 'index', index, MT.ociIndex), 'MANIFEST_BLOB_UNKNOWN', 400)
    })

    test('B reads the same bytes once it uploads them itself (dedup stays invisible)', async () => {
      const r = uniqueRepo('iso-self')
      await c.pushBlob(r, secret)
      const res = await c.req('GET', `/v2/${r}/blobs/${sha256(secret)}`)
      assertStatus(res, 200)
      assert.deepEqual(res.body, secret)
    })

    test('deleting the blob in a repository that mounted it leaves the source intact', async () => {
      const r = uniqueRepo('iso-mount')
      assertStatus(await c.req('POST', `/v2/${r}/blobs/uploads/`, { query: { mount: sha256(secret), from: a } }), 201)
      assertStatus(await c.req('DELETE', `/v2/${r}/blobs/${sha256(secret)}`), 202)
      assertStatus(await c.req('HEAD', `/v2/${r}/blobs/${sha256(secret)}`), 404)
      const res = await c.req('GET', `/v2/${a}/blobs/${sha256(secret)}`)
      assertStatus(res, 200)
      assert.deepEqual(res.body, secret)
    })

    test('deleting a manifest in A leaves the same manifest in B', async () => {
      const img = await pushImage(c, a, 'shared')
      for (const d of [img.config, img.layer]) {
        const blob = (await c.req('GET', `/v2/${a}/blobs/${d.digest}`)).body
        await c.pushBlob(b, blob)
      }
      await c.pushManifest(b, 'shared', img.manifest, MT.ociManifest)
      assertStatus(await c.req('DELETE', `/v2/${a}/manifests/${img.digest}`), 202)
      const res = await c.req('GET', `/v2/${b}/manifests/shared`, { headers: { accept: MT.ociManifest } })
      assertStatus(res, 200)
      assert.deepEqual(res.body, img.manifest)
    })

    test('mount from a repository that does not link the blob (though another does): 202, no access', async () => {
      const r = uniqueRepo('iso-mount-bad')
      const res = await c.req('POST', `/v2/${r}/blobs/uploads/`, { query: { mount: sha256(secret), from: b } })
      assertStatus(res, 202)
      assertStatus(await c.req('HEAD', `/v2/${r}/blobs/${sha256(secret)}`), 404)
    })
  })

  describe('hostile paths', () => {
    const repo = uniqueRepo('iso-paths')
    let layerDigest = ''
    const hex = 'a'.repeat(64)

    before(async () => {
      const img = await pushImage(c, repo, 'v1')
      layerDigest = img.layer.digest
    })

    const paths = (): Array<[string, string]> => [
      ['GET', `/v2/proj/../${repo}/tags/list`],
      ['GET', `/v2/${repo}/../../../etc/passwd`],
      ['GET', `/v2/proj/%2e%2e/${repo}/tags/list`],
      ['GET', `/v2/proj/%2E%2E/%2E%2E/%2E%2E/etc/passwd/tags/list`],
      ['GET', `/v2/proj/..%2F..%2F..%2Fetc/tags/list`],
      ['GET', `/v2/proj%2F..%2Fother%2Fapp/tags/list`],
      ['GET', `/v2/${repo.toUpperCase()}/tags/list`],
      ['GET', `/v2/${repo}/blobs/sha256:../../x`],
      ['GET', `/v2/${repo}/blobs/sha256:..%2F..%2F..%2Fetc%2Fpasswd`],
      ['GET', `/v2/${repo}/blobs/sha256%3A..%2F${hex}`],
      ['GET', `/v2/${repo}/blobs/sha256:${hex}%00`],
      ['GET', `/v2/${repo}/blobs/../../blobs/${layerDigest}`],
      ['GET', `/v2/${repo}/manifests/..%2F..%2F..%2Fetc%2Fpasswd`],
      ['GET', `/v2/${repo}/manifests/%2e%2e`],
      ['GET', `/v2/${repo}/blobs/uploads/..%2F..%2F..%2Fetc%2Fpasswd`],
      ['GET', `/v2/${repo}/blobs/uploads/../../../../etc/passwd`],
      ['GET', `/v2/${repo}/referrers/sha256:..%2F..%2Fx`],
      ['PUT', `/v2/${repo}/blobs/uploads/..%2F..%2Fx?digest=sha256:${hex}`],
      ['PATCH', `/v2/${repo}/blobs/uploads/%2e%2e%2f%2e%2e%2fx`],
      ['DELETE', `/v2/${repo}/blobs/sha256:..%2F..%2Fx`],
      ['DELETE', `/v2/${repo}/blobs/uploads/..%2F..%2F..%2F`],
      ['POST', `/v2/proj/..%2F..%2Fescape/blobs/uploads/`],
      ['PUT', `/v2/proj/..%2Fescape/manifests/v1`],
    ]

    test('no hostile path answers 2xx, 5xx or file content', async () => {
      for (const [method, path] of paths()) {
        const r = await rawRequest(url(), method, path, { 'content-type': 'application/octet-stream' }, method === 'PUT' || method === 'PATCH' || method === 'POST' ? Buffer.from('{}') : undefined)
        assert.ok(r.status >= 300 && r.status < 500, `${method} ${path} → ${r.status} ${r.body.toString().slice(0, 200)}`)
        assert.ok(!/root:|\[boot loader\]/.test(r.body.toString()), `${method} ${path} returned file content`)
      }
    })

    test('every hostile path answers 400 or 404 with an OCI error body and a spec error code', beyondDistribution('redirects dot segments (301), plain-text 404s, 500 on upper case'), async () => {
      const failures: string[] = []
      for (const [method, path] of paths()) {
        const res = rawToRes(await rawRequest(url(), method, path, { 'content-type': 'application/octet-stream' }, method === 'PUT' || method === 'PATCH' || method === 'POST' ? Buffer.from('{}') : undefined))
        try {
          assert.ok([400, 404].includes(res.status), `status ${res.status}`)
          assertSpecError(res)
        } catch (err) {
          failures.push(`${method} ${path} → ${res.status} ${res.text().slice(0, 120)} (${(err as Error).message.slice(0, 120)})`)
        }
      }
      assert.deepEqual(failures, [])
    })

    test('nothing escaped: the repository and a sibling are untouched, no repository "escape" appears', async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags, ['v1'])
      assertStatus(await c.req('GET', `/v2/${repo}/blobs/${layerDigest}`), 200)
      assertErrorCode(await c.req('GET', '/v2/proj/escape/tags/list'), 'NAME_UNKNOWN', 404)
      assertStatus(await c.req('GET', '/v2/escape/tags/list'), [400, 404])
    })

    test('a digest with a path in it: blob GET answers an OCI 400/404, upload PUT 400 DIGEST_INVALID', beyondDistribution('plain-text 404 for some shapes'), async () => {
      for (const d of ['sha256:../../x', 'sha256:..%2F..%2Fx', `sha256:${'a'.repeat(63)}/`]) {
        const get = rawToRes(await rawRequest(url(), 'GET', `/v2/${repo}/blobs/${d}`))
        assertErrorCode(get, ['DIGEST_INVALID', 'BLOB_UNKNOWN', 'NAME_INVALID'], [400, 404])
      }
      const { location } = await c.startUpload(repo)
      const put = await c.req('PUT', location, { query: { digest: 'sha256:../../../x' }, body: Buffer.from('x') })
      assertErrorCode(put, 'DIGEST_INVALID', 400)
    })
  })
})
