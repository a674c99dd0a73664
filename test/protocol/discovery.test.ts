// OCI Distribution Spec v1.1, content discovery: tags list with n/last/Link, _catalog, and the
// referrers API (conformance/03_discovery_test.go and the spec's "Content Discovery").
import { describe, test, before } from 'node:test'
import assert from 'node:assert/strict'
import {
  MT, EMPTY_JSON, useRegistry, pushImage, pushReferrer, uniqueRepo, uniqueBlob, sha256, descriptorOf, ociIndex,
  assertErrorCode, assertStatus, beyondDistribution, errorCodes, nextLink, type Descriptor, type Res,
} from './client.js'

/** Lexical (case-insensitive) or ASCIIbetical order, as the spec allows either. */
function assertSortedEitherWay(list: string[]): void {
  const ascii = [...list].sort()
  const lexical = [...list].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0))
  assert.ok(JSON.stringify(list) === JSON.stringify(ascii) || JSON.stringify(list) === JSON.stringify(lexical), `not sorted: ${list.join(',')}`)
}

describe('discovery', () => {
  const { c } = useRegistry()

  describe('tags list', () => {
    const repo = uniqueRepo('tags')
    const tags = ['test3', 'test0', 'latest', 'test2', 'v1.0', 'test1', 'a-tag', 'z_tag']
    const sorted = [...tags].sort()
    let digest = ''

    before(async () => {
      const img = await pushImage(c, repo, tags[0]!)
      digest = img.digest
      for (const t of tags.slice(1)) await c.pushManifest(repo, t, img.manifest, MT.ociManifest)
    })

    test('GET /tags/list: 200, name, every tag', async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list`)
      assertStatus(res, 200)
      const body = res.json()
      assert.equal(body.name, repo)
      assert.deepEqual([...body.tags].sort(), sorted)
    })

    test('GET /tags/list: tags sorted', beyondDistribution('tags in directory order'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list`)
      assert.deepEqual(res.json().tags, sorted)
    })

    test('mixed-case tags come back in lexical or ASCIIbetical order', beyondDistribution('tags in directory order'), async () => {
      const r = uniqueRepo('casetags')
      const img = await pushImage(c, r, 'b')
      for (const t of ['B', 'a', 'A', 'c1', 'C0']) await c.pushManifest(r, t, img.manifest, MT.ociManifest)
      const body = (await c.req('GET', `/v2/${r}/tags/list`)).json()
      assert.equal(body.tags.length, 6)
      assertSortedEitherWay(body.tags)
    })

    test('n=3: the first three tags and a Link rel="next"', beyondDistribution('ignores n on tags'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?n=3`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags, sorted.slice(0, 3))
      const next = nextLink(res)
      assert.ok(next, `Link header with rel="next", got ${res.headers.get('link')}`)
      assert.ok(c.url(next).pathname === `/v2/${repo}/tags/list`, `Link points at ${next}`)
    })

    test('following Link pages through every tag exactly once', beyondDistribution('ignores n on tags'), async () => {
      const seen: string[] = []
      let url: string | null = `/v2/${repo}/tags/list?n=3`
      for (let pages = 0; url; pages++) {
        assert.ok(pages < 10, 'too many pages')
        const res = await c.req('GET', url)
        assertStatus(res, 200)
        const page = res.json().tags as string[]
        assert.ok(page.length <= 3, `page of ${page.length}`)
        seen.push(...page)
        url = nextLink(res)
      }
      assert.deepEqual(seen, sorted)
    })

    test('last=<tag>: the tags after it, non-inclusive', beyondDistribution('tags in directory order, no last'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?last=${sorted[2]}`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags, sorted.slice(3))
    })

    test('n=2&last=<tag>: two tags after it', beyondDistribution('ignores n on tags'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?n=2&last=${sorted[1]}`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags, sorted.slice(2, 4))
    })

    test('last=<the last tag>: empty list, no Link', beyondDistribution('tags in directory order, no last'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?last=${sorted[sorted.length - 1]}`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags ?? [], [])
      assert.equal(nextLink(res), null)
    })

    test('n larger than the count: every tag, no Link', async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?n=1000`)
      assertStatus(res, 200)
      assert.deepEqual([...res.json().tags].sort(), sorted)
      assert.equal(nextLink(res), null)
    })

    test('n=0: empty list and no Link', beyondDistribution('ignores n on tags'), async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?n=0`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags ?? [], [])
      assert.equal(res.headers.get('link'), null)
    })

    test('n that is not a number: 400 with an OCI error, or ignored', async () => {
      const res = await c.req('GET', `/v2/${repo}/tags/list?n=abc`)
      if (res.status === 200) {
        assert.deepEqual([...res.json().tags].sort(), sorted)
      } else {
        assertStatus(res, 400)
        errorCodes(res)
      }
    })

    test('a tag moved to another manifest is listed once', async () => {
      const other = await pushImage(c, repo, 'test0')
      const res = await c.req('GET', `/v2/${repo}/tags/list`)
      assert.deepEqual([...res.json().tags].sort(), sorted)
      const head = await c.req('HEAD', `/v2/${repo}/manifests/test0`, { headers: { accept: MT.ociManifest } })
      assert.equal(head.headers.get('docker-content-digest'), other.digest)
      assert.notEqual(other.digest, digest)
    })

    test('repository that does not exist: 404 NAME_UNKNOWN', async () => {
      assertErrorCode(await c.req('GET', `/v2/${uniqueRepo('nosuch')}/tags/list`), 'NAME_UNKNOWN', 404)
    })

    test('repository with a manifest pushed by digest only: 200, empty tags', beyondDistribution('answers 404 NAME_UNKNOWN without a tag'), async () => {
      const r = uniqueRepo('untagged')
      const img = await pushImage(c, r, 'tmp')
      const fresh = uniqueRepo('untagged')
      await c.pushBlob(fresh, (await c.req('GET', `/v2/${r}/blobs/${img.config.digest}`)).body)
      await c.pushBlob(fresh, (await c.req('GET', `/v2/${r}/blobs/${img.layer.digest}`)).body)
      await c.pushManifest(fresh, img.digest, img.manifest, MT.ociManifest)
      const res = await c.req('GET', `/v2/${fresh}/tags/list`)
      assertStatus(res, 200)
      assert.equal(res.json().name, fresh)
      assert.deepEqual(res.json().tags ?? [], [])
    })

    test('repository whose only tag was deleted: 200, empty tags', beyondDistribution('cannot delete tags'), async () => {
      const r = uniqueRepo('deleted-tag')
      await pushImage(c, r, 'only')
      assertStatus(await c.req('DELETE', `/v2/${r}/manifests/only`), 202)
      const res = await c.req('GET', `/v2/${r}/tags/list`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().tags ?? [], [])
    })
  })

  describe('_catalog', () => {
    const repos: string[] = []

    before(async () => {
      for (const label of ['cat-b', 'cat-a', 'cat-c']) {
        const r = uniqueRepo(label)
        await pushImage(c, r, 'v1')
        repos.push(r)
      }
      const nested = `${uniqueRepo('cat-n')}/deep/er`
      await pushImage(c, nested, 'v1')
      repos.push(nested)
    })

    async function fullCatalog(): Promise<string[]> {
      const res = await c.req('GET', '/v2/_catalog')
      assertStatus(res, 200)
      return res.json().repositories as string[]
    }

    test('GET /v2/_catalog: 200, every pushed repository, sorted', async () => {
      const all = await fullCatalog()
      for (const r of repos) assert.ok(all.includes(r), `${r} missing from ${all.join(',')}`)
      assert.deepEqual(all, [...all].sort())
      assert.equal(new Set(all).size, all.length)
    })

    test('n=1: one repository and a Link rel="next"', async () => {
      const res = await c.req('GET', '/v2/_catalog?n=1')
      assertStatus(res, 200)
      const page = res.json().repositories as string[]
      assert.equal(page.length, 1)
      assert.equal(page[0], (await fullCatalog())[0])
      const next = nextLink(res)
      assert.ok(next, `Link rel="next", got ${res.headers.get('link')}`)
      assert.equal(c.url(next).pathname, '/v2/_catalog')
    })

    test('following Link with n=2 yields the full catalog once', async () => {
      const all = await fullCatalog()
      const seen: string[] = []
      let url: string | null = '/v2/_catalog?n=2'
      for (let pages = 0; url; pages++) {
        assert.ok(pages < 50, 'too many pages')
        const res = await c.req('GET', url)
        assertStatus(res, 200)
        const page = res.json().repositories as string[]
        assert.ok(page.length <= 2)
        seen.push(...page)
        url = nextLink(res)
      }
      assert.deepEqual(seen, all)
    })

    test('last=<repo>: the repositories after it', async () => {
      const all = await fullCatalog()
      const res = await c.req('GET', `/v2/_catalog?last=${encodeURIComponent(all[1]!)}`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().repositories, all.slice(2))
    })

    test('n=1&last=<repo>: the one repository after it', async () => {
      const all = await fullCatalog()
      const res = await c.req('GET', `/v2/_catalog?n=1&last=${encodeURIComponent(all[0]!)}`)
      assertStatus(res, 200)
      assert.deepEqual(res.json().repositories, all.slice(1, 2))
    })
  })

  describe('referrers', () => {
    const repo = uniqueRepo('referrers')
    const typeA = 'application/vnd.example.a.v1'
    const typeB = 'application/vnd.example.b.v1'
    const typeIndex = 'application/vnd.example.index.v1'
    const key = 'org.opencontainers.conformance.test'
    let subject: Descriptor
    let missingSubject: Descriptor
    const expected = new Map<string, { artifactType?: string; annotation: string; mediaType: string; size: number }>()
    let dangling = ''

    before(async () => {
      // referrers pushed before their subject (A), then the subject, then more referrers (B)
      const img = await pushImage(c, repo, 'tagtest0')
      subject = descriptorOf(MT.ociManifest, img.manifest)
      const add = (r: { manifest: Buffer; digest: string }, artifactType: string | undefined, annotation: string, mediaType: string = MT.ociManifest) =>
        expected.set(r.digest, { artifactType, annotation, mediaType, size: r.manifest.length })

      add(await pushReferrer(c, repo, subject, { configMediaType: typeA, annotations: { [key]: 'config A' } }), typeA, 'config A')
      add(await pushReferrer(c, repo, subject, { artifactType: typeA, annotations: { [key]: 'layer A' } }), typeA, 'layer A')
      add(await pushReferrer(c, repo, subject, { configMediaType: typeB, annotations: { [key]: 'config B' } }), typeB, 'config B')
      add(await pushReferrer(c, repo, subject, { artifactType: typeB, annotations: { [key]: 'layer B' } }), typeB, 'layer B')
      const index = ociIndex([descriptorOf(MT.ociManifest, img.manifest)], { subject, artifactType: typeIndex, annotations: { [key]: 'test index' } })
      const digest = await c.pushManifest(repo, sha256(index), index, MT.ociIndex)
      add({ manifest: index, digest }, typeIndex, 'test index', MT.ociIndex)

      // a referrer of a manifest that is never pushed
      missingSubject = descriptorOf(MT.ociManifest, Buffer.from(JSON.stringify({ missing: uniqueBlob().toString('hex') })))
      dangling = (await pushReferrer(c, repo, missingSubject, { artifactType: typeA, annotations: { [key]: 'dangling' } })).digest
    })

    /** Status, body shape; the exact Content-Type has its own test so one slip doesn't hide the rest. */
    function assertIndex(res: Res): Descriptor[] {
      assertStatus(res, 200)
      assert.equal(res.headers.get('content-type')?.split(';')[0]?.trim(), MT.ociIndex)
      const body = res.json()
      assert.equal(body.schemaVersion, 2)
      assert.equal(body.mediaType, MT.ociIndex)
      assert.ok(Array.isArray(body.manifests), 'manifests is an array')
      return body.manifests as Descriptor[]
    }

    test('Content-Type is exactly application/vnd.oci.image.index.v1+json (conformance compares equal)', beyondDistribution('no referrers API'), async () => {
      for (const d of [subject.digest, sha256('hello world')]) {
        const res = await c.req('GET', `/v2/${repo}/referrers/${d}`)
        assertStatus(res, 200)
        assert.equal(res.headers.get('content-type'), MT.ociIndex)
      }
    })

    test('unknown digest: 200 and an empty OCI index', beyondDistribution('no referrers API'), async () => {
      const list = assertIndex(await c.req('GET', `/v2/${repo}/referrers/${sha256('hello world')}`))
      assert.equal(list.length, 0)
    })

    test('subject with 5 referrers: each descriptor with mediaType, size, artifactType and annotations', beyondDistribution('no referrers API'), async () => {
      const list = assertIndex(await c.req('GET', `/v2/${repo}/referrers/${subject.digest}`))
      assert.equal(list.length, 5, JSON.stringify(list))
      assert.equal(new Set(list.map((d) => d.digest)).size, 5)
      for (const d of list) {
        const want = expected.get(d.digest)
        assert.ok(want, `unexpected referrer ${d.digest}`)
        assert.equal(d.mediaType, want.mediaType)
        assert.equal(d.size, want.size)
        assert.equal(d.artifactType, want.artifactType)
        assert.deepEqual(d.annotations, { [key]: want.annotation })
      }
    })

    test('?artifactType= filter: only that type, OCI-Filters-Applied: artifactType', beyondDistribution('no referrers API'), async () => {
      const res = await c.req('GET', `/v2/${repo}/referrers/${subject.digest}`, { query: { artifactType: typeA } })
      const list = assertIndex(res)
      assert.equal(res.headers.get('oci-filters-applied'), 'artifactType')
      assert.equal(list.length, 2)
      for (const d of list) {
        assert.equal(d.artifactType, typeA)
        assert.ok(['config A', 'layer A'].includes(d.annotations?.[key] ?? ''))
      }
    })

    test('?artifactType= with no match: empty index, header still set', beyondDistribution('no referrers API'), async () => {
      const res = await c.req('GET', `/v2/${repo}/referrers/${subject.digest}`, { query: { artifactType: 'application/vnd.example.none' } })
      assert.equal(assertIndex(res).length, 0)
      assert.equal(res.headers.get('oci-filters-applied'), 'artifactType')
    })

    test('no filter: no OCI-Filters-Applied header', beyondDistribution('no referrers API'), async () => {
      const res = await c.req('GET', `/v2/${repo}/referrers/${subject.digest}`)
      assertIndex(res)
      assert.equal(res.headers.get('oci-filters-applied'), null)
    })

    test('referrers of a subject that was never pushed: the dangling referrer', beyondDistribution('no referrers API'), async () => {
      const list = assertIndex(await c.req('GET', `/v2/${repo}/referrers/${missingSubject.digest}`))
      assert.deepEqual(list.map((d) => d.digest), [dangling])
    })

    test('referrer pushed before its subject stays listed once the subject arrives', beyondDistribution('no referrers API'), async () => {
      const r = uniqueRepo('early-referrer')
      const cfg = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, e: uniqueBlob().toString('hex') }))
      const layer = uniqueBlob('early subject layer')
      const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, config: descriptorOf(MT.ociConfig, cfg), layers: [descriptorOf(MT.ociLayer, layer)] }))
      const subj = descriptorOf(MT.ociManifest, manifest)
      const ref = await pushReferrer(c, r, subj, { artifactType: 'application/vnd.example.early' })
      assert.deepEqual(assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`)).map((d) => d.digest), [ref.digest])
      await c.pushBlob(r, cfg)
      await c.pushBlob(r, layer)
      await c.pushManifest(r, 'v1', manifest, MT.ociManifest)
      const list = assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`))
      assert.deepEqual(list.map((d) => d.digest), [ref.digest])
      assert.equal(list[0]!.artifactType, 'application/vnd.example.early')
    })

    test('an index referrer without artifactType has none in its descriptor', beyondDistribution('no referrers API'), async () => {
      const r = uniqueRepo('index-referrer')
      const img = await pushImage(c, r, 'v1')
      const subj = descriptorOf(MT.ociManifest, img.manifest)
      const index = ociIndex([subj], { subject: subj })
      const digest = await c.pushManifest(r, sha256(index), index, MT.ociIndex)
      const list = assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`))
      assert.equal(list.length, 1)
      assert.equal(list[0]!.digest, digest)
      assert.equal(list[0]!.mediaType, MT.ociIndex)
      assert.equal(list[0]!.artifactType, undefined)
    })

    test('referrers are per repository: the same subject in another repository lists none', beyondDistribution('no referrers API'), async () => {
      const r = uniqueRepo('referrers-other')
      const list = assertIndex(await c.req('GET', `/v2/${r}/referrers/${subject.digest}`))
      assert.equal(list.length, 0)
    })

    test('a subject with referrers can be deleted by digest (202); the referrers endpoint still answers', beyondDistribution('no referrers API'), async () => {
      // the conformance teardown deletes the subject before its referrers and accepts only 2xx, 404 or 405
      const r = uniqueRepo('subject-delete')
      const img = await pushImage(c, r, 'v1')
      const subj = descriptorOf(MT.ociManifest, img.manifest)
      await pushReferrer(c, r, subj, { artifactType: 'application/vnd.example.sig' })
      assertStatus(await c.req('DELETE', `/v2/${r}/manifests/${subj.digest}`), 202)
      assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`))
    })

    test('a deleted referrer drops out of the list', beyondDistribution('no referrers API'), async () => {
      const r = uniqueRepo('referrer-delete')
      const img = await pushImage(c, r, 'v1')
      const subj = descriptorOf(MT.ociManifest, img.manifest)
      const keep = await pushReferrer(c, r, subj, { artifactType: 'application/vnd.example.keep' })
      const drop = await pushReferrer(c, r, subj, { artifactType: 'application/vnd.example.drop' })
      assert.equal(assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`)).length, 2)
      assertStatus(await c.req('DELETE', `/v2/${r}/manifests/${drop.digest}`), 202)
      assert.deepEqual(assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`)).map((d) => d.digest), [keep.digest])
    })

    test('a referrer pushed by tag is listed too', beyondDistribution('no referrers API'), async () => {
      const r = uniqueRepo('referrer-tag')
      const img = await pushImage(c, r, 'v1')
      const subj = descriptorOf(MT.ociManifest, img.manifest)
      const ref = await pushReferrer(c, r, subj, { artifactType: 'application/vnd.example.tagged', reference: 'sbom' })
      assert.deepEqual(assertIndex(await c.req('GET', `/v2/${r}/referrers/${subj.digest}`)).map((d) => d.digest), [ref.digest])
    })

    test('a malformed digest: 400', beyondDistribution('no referrers API'), async () => {
      const res = await c.req('GET', `/v2/${repo}/referrers/sha256:nothex`)
      assertErrorCode(res, 'DIGEST_INVALID', 400)
    })

    test('referrers of a blob digest (not a manifest): 200, empty', beyondDistribution('no referrers API'), async () => {
      await c.pushBlob(repo, EMPTY_JSON)
      assert.equal(assertIndex(await c.req('GET', `/v2/${repo}/referrers/${sha256(EMPTY_JSON)}`)).length, 0)
    })
  })
})
