// OCI Distribution Spec v1.1, content management: deleting manifests, tags and blobs
// (conformance/04_management_test.go of v1.1.1 and the spec's "Content Management"; README.md maps the checks).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  MT, TARGET, useRegistry, pushImage, uniqueRepo, uniqueBlob, sha256,
  assertErrorCode, assertStatus, beyondDistribution,
} from './client.js'

describe('management', () => {
  const { c } = useRegistry()

  const get = (repo: string, ref: string) => c.req('GET', `/v2/${repo}/manifests/${ref}`, { headers: { accept: MT.ociManifest } })
  const tagsOf = async (repo: string): Promise<string[]> => {
    const res = await c.req('GET', `/v2/${repo}/tags/list`)
    return res.status === 200 ? ((res.json().tags as string[] | null) ?? []) : []
  }

  describe('manifests', () => {
    test('DELETE by digest: 202, then GET by digest and by its tags 404 MANIFEST_UNKNOWN, tags list shrinks', async () => {
      const repo = uniqueRepo('del-manifest')
      const img = await pushImage(c, repo, 'tagtest0')
      await c.pushManifest(repo, 'also', img.manifest, MT.ociManifest)
      const keep = await pushImage(c, repo, 'keep')
      assert.deepEqual((await tagsOf(repo)).sort(), ['also', 'keep', 'tagtest0'])

      const del = await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`)
      assertStatus(del, 202)
      assertErrorCode(await get(repo, img.digest), 'MANIFEST_UNKNOWN', 404)
      assertStatus(await c.req('HEAD', `/v2/${repo}/manifests/${img.digest}`, { headers: { accept: MT.ociManifest } }), 404)
      assertErrorCode(await get(repo, 'tagtest0'), 'MANIFEST_UNKNOWN', 404)
      assertErrorCode(await get(repo, 'also'), 'MANIFEST_UNKNOWN', 404)
      assert.deepEqual(await tagsOf(repo), ['keep'])
      assertStatus(await get(repo, keep.digest), 200)
    })

    test('DELETE by digest twice: the second answers 404 MANIFEST_UNKNOWN', async () => {
      const repo = uniqueRepo('del-twice')
      const img = await pushImage(c, repo, 'v1')
      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 202)
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 'MANIFEST_UNKNOWN', 404)
    })

    test('a deleted manifest can be pushed again: 201 and GET 200', async () => {
      const repo = uniqueRepo('del-repush')
      const img = await pushImage(c, repo, 'v1')
      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 202)
      await c.pushManifest(repo, 'v1', img.manifest, MT.ociManifest)
      const res = await get(repo, 'v1')
      assertStatus(res, 200)
      assert.deepEqual(res.body, img.manifest)
    })

    test('DELETE of a manifest whose config and layer were deleted first: 202 (OCI_DELETE_MANIFEST_BEFORE_BLOBS=false)', async () => {
      const repo = uniqueRepo('del-blobs-first')
      const img = await pushImage(c, repo, 'v1')
      for (const blob of [img.config, img.layer]) assertStatus(await c.req('DELETE', `/v2/${repo}/blobs/${blob.digest}`), 202)
      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 202)
      assertErrorCode(await get(repo, img.digest), 'MANIFEST_UNKNOWN', 404)
    })

    test('DELETE of every manifest by digest: tags/list still answers 200, with no tags', async () => {
      const repo = uniqueRepo('del-all')
      const a = await pushImage(c, repo, 'a')
      const b = await pushImage(c, repo, 'b')
      for (const img of [a, b]) assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 202)
      const res = await c.req('GET', `/v2/${repo}/tags/list`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags ?? [], [])
    })

    test('DELETE unknown digest: 404 MANIFEST_UNKNOWN', async () => {
      const repo = uniqueRepo('del-unknown')
      await pushImage(c, repo, 'v1')
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/manifests/${sha256('nope')}`), 'MANIFEST_UNKNOWN', 404)
    })

    test('DELETE in a repository that does not exist: 404 NAME_UNKNOWN or MANIFEST_UNKNOWN', async () => {
      assertErrorCode(await c.req('DELETE', `/v2/${uniqueRepo('never')}/manifests/${sha256('nope')}`), ['NAME_UNKNOWN', 'MANIFEST_UNKNOWN'], 404)
    })

    test('DELETE with a malformed digest: 400 DIGEST_INVALID', async () => {
      const repo = uniqueRepo('del-bad')
      await pushImage(c, repo, 'v1')
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/manifests/sha256:nothex`), 'DIGEST_INVALID', 400)
    })

    // Harbor's artifact controller refuses to delete an artifact another one references, on /v2
    // and on the API alike (412); distribution deletes it and leaves the index dangling.
    test('DELETE of a manifest an index lists: 412 DENIED, child and index still pull; once the index is gone, 202', beyondDistribution('deletes the child (202)'), async (t) => {
      const repo = uniqueRepo('del-child')
      const img = await pushImage(c, repo, 'child')
      const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests: [{ mediaType: MT.ociManifest, digest: img.digest, size: img.manifest.length }] }))
      const indexDigest = await c.pushManifest(repo, 'index', index, MT.ociIndex)
      const del = await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`)
      assertErrorCode(del, 'DENIED', 412)
      const message = del.json().errors[0].message as string
      assert.match(message, /referenced by an index/)
      assertStatus(await get(repo, img.digest), 200)
      assertStatus(await get(repo, 'child'), 200)
      const res = await c.req('GET', `/v2/${repo}/manifests/index`, { headers: { accept: MT.ociIndex } })
      assertStatus(res, 200)
      assert.deepEqual(res.body, index)

      await t.test("Harbor's API refuses the same way", { skip: TARGET !== 'berth' }, async () => {
        const [project, ...rest] = repo.split('/')
        const api = await c.req('DELETE', `/api/v2.0/projects/${project}/repositories/${encodeURIComponent(encodeURIComponent(rest.join('/')))}/artifacts/${img.digest}`)
        assertStatus(api, 412)
        assert.deepEqual(api.json().errors.map((e: { message: string }) => e.message), [message])
        assertStatus(await get(repo, img.digest), 200)
      })

      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${indexDigest}`), 202)
      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/${img.digest}`), 202)
      assertErrorCode(await get(repo, 'child'), 'MANIFEST_UNKNOWN', 404)
    })
  })

  describe('tags', () => {
    test('DELETE by tag: 202; the tag is gone, the manifest and its other tags stay', beyondDistribution('tag delete answers 400 DIGEST_INVALID'), async () => {
      const repo = uniqueRepo('del-tag')
      const img = await pushImage(c, repo, 'tagtest0')
      await c.pushManifest(repo, 'other', img.manifest, MT.ociManifest)
      const del = await c.req('DELETE', `/v2/${repo}/manifests/tagtest0`)
      assertStatus(del, 202)
      assertErrorCode(await get(repo, 'tagtest0'), 'MANIFEST_UNKNOWN', 404)
      const byDigest = await get(repo, img.digest)
      assertStatus(byDigest, 200)
      assert.deepEqual(byDigest.body, img.manifest)
      assertStatus(await get(repo, 'other'), 200)
      assert.deepEqual(await tagsOf(repo), ['other'])
    })

    test('DELETE of an unknown tag: 404 MANIFEST_UNKNOWN', beyondDistribution('tag delete answers 400 DIGEST_INVALID'), async () => {
      const repo = uniqueRepo('del-tag-unknown')
      await pushImage(c, repo, 'v1')
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/manifests/nosuchtag`), 'MANIFEST_UNKNOWN', 404)
    })

    test('DELETE by tag: 202, or 400 UNSUPPORTED / 405 when disabled; then 404 MANIFEST_UNKNOWN (conformance 04)', beyondDistribution('answers 400 DIGEST_INVALID'), async () => {
      const repo = uniqueRepo('del-tag-twice')
      await pushImage(c, repo, 'v1')
      const first = await c.req('DELETE', `/v2/${repo}/manifests/v1`)
      if (first.status !== 202) {
        // a registry that disables tag deletion answers 400 UNSUPPORTED or 405
        assertStatus(first, [400, 405])
        if (first.status === 400) assertErrorCode(first, ['UNSUPPORTED'], 400)
        return
      }
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/manifests/v1`), 'MANIFEST_UNKNOWN', 404)
    })

    test('a deleted tag can be pushed again', beyondDistribution('tag delete answers 400 DIGEST_INVALID'), async () => {
      const repo = uniqueRepo('del-tag-repush')
      const img = await pushImage(c, repo, 'v1')
      assertStatus(await c.req('DELETE', `/v2/${repo}/manifests/v1`), 202)
      await c.pushManifest(repo, 'v1', img.manifest, MT.ociManifest)
      assertStatus(await get(repo, 'v1'), 200)
    })
  })

  describe('blobs', () => {
    test('DELETE blob: 202, then GET and HEAD 404 (BLOB_UNKNOWN)', async () => {
      const repo = uniqueRepo('del-blob')
      const data = uniqueBlob('deletable')
      await c.pushBlob(repo, data)
      const del = await c.req('DELETE', `/v2/${repo}/blobs/${sha256(data)}`)
      assertStatus(del, 202)
      assertErrorCode(await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`), 'BLOB_UNKNOWN', 404)
      assertStatus(await c.req('HEAD', `/v2/${repo}/blobs/${sha256(data)}`), 404)
    })

    test('DELETE blob twice: the second answers 404 BLOB_UNKNOWN', async () => {
      const repo = uniqueRepo('del-blob-twice')
      const data = uniqueBlob('twice')
      await c.pushBlob(repo, data)
      assertStatus(await c.req('DELETE', `/v2/${repo}/blobs/${sha256(data)}`), 202)
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/blobs/${sha256(data)}`), 'BLOB_UNKNOWN', 404)
    })

    test('DELETE unknown blob: 404 BLOB_UNKNOWN', async () => {
      const repo = uniqueRepo('del-blob-unknown')
      await c.pushBlob(repo, uniqueBlob())
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/blobs/${sha256('never uploaded')}`), 'BLOB_UNKNOWN', 404)
    })

    test('DELETE blob with a malformed digest: 400 DIGEST_INVALID', async () => {
      const repo = uniqueRepo('del-blob-bad')
      await c.pushBlob(repo, uniqueBlob())
      assertErrorCode(await c.req('DELETE', `/v2/${repo}/blobs/sha256:nothex`), 'DIGEST_INVALID', 400)
    })

    test('a deleted blob can be uploaded again', async () => {
      const repo = uniqueRepo('del-blob-again')
      const data = uniqueBlob('again', 500)
      await c.pushBlob(repo, data)
      assertStatus(await c.req('DELETE', `/v2/${repo}/blobs/${sha256(data)}`), 202)
      await c.pushBlob(repo, data)
      const res = await c.req('GET', `/v2/${repo}/blobs/${sha256(data)}`)
      assertStatus(res, 200)
      assert.deepEqual(res.body, data)
    })
  })
})
