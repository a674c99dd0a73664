// Harbor's artifacts API: the Artifact JSON, with_* flags, q, tags (visible to /v2 at once),
// copy between repositories and projects, delete, additions, and refusals by role.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createProject, startBerth, type RunningBerth } from '../helpers/berth.js'
import { addMember, api, auditRows, expectError, makeUser, roleMembers } from '../helpers/api-client.js'
import { OCI_INDEX, pushImage, putManifest, v2 } from './registry-fixtures.js'

describe('artifacts API', () => {
  let b: RunningBerth
  let guest: { auth: string }
  let developer: { auth: string }
  let maintainer: { auth: string }
  let img: Awaited<ReturnType<typeof pushImage>>
  let arm: Awaited<ReturnType<typeof pushImage>>
  let index: { digest: string; body: Buffer }
  let sig: Awaited<ReturnType<typeof pushImage>>
  const A = '/projects/ap/repositories/app%252Fweb/artifacts'
  before(async () => {
    b = await startBerth()
    await createProject(b.url, 'ap')
    await createProject(b.url, 'ap2')
    await createProject(b.url, 'apub', { public: true })
    img = await pushImage(b, 'ap/app/web', 'v1')
    arm = await pushImage(b, 'ap/app/web', 'arm', { arch: 'arm64' })
    index = await putManifest(b, 'ap/app/web', 'multi', {
      schemaVersion: 2, mediaType: OCI_INDEX,
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: img.digest, size: img.body.length, platform: { architecture: 'amd64', os: 'linux' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: arm.digest, size: arm.body.length, platform: { architecture: 'arm64', os: 'linux' } },
      ],
    }, OCI_INDEX)
    sig = await pushImage(b, 'ap/app/web', 'sigtag', { seed: 'sig', subject: { digest: img.digest, size: img.body.length }, artifactType: 'application/vnd.dev.cosign.artifact.sig.v1+json' })
    await pushImage(b, 'apub/pub', 'v1')
    ;({ guest, developer, maintainer } = await roleMembers(b, 'ap', 'ap2'))
  })
  after(async () => { await b.close() })

  test('lists artifacts as Harbor\'s Artifact JSON', async () => {
    const r = await api(b, A, { auth: guest.auth })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('x-total-count'), '4')
    const a = r.json.find((x: any) => x.digest === img.digest)
    assert.equal(a.type, 'IMAGE')
    assert.equal(a.media_type, 'application/vnd.oci.image.config.v1+json')
    assert.equal(a.manifest_media_type, 'application/vnd.oci.image.manifest.v1+json')
    assert.equal(a.repository_name, 'ap/app/web')
    assert.equal(a.size, img.body.length)
    assert.equal(a.extra_attrs.architecture, 'amd64')
    assert.equal(a.extra_attrs.os, 'linux')
    assert.equal(a.extra_attrs.author, 'berth tests')
    assert.deepEqual(a.tags.map((t: any) => t.name), ['v1'])
    for (const k of ['id', 'repository_id', 'artifact_id', 'push_time', 'pull_time', 'immutable']) assert.ok(k in a.tags[0], k)
    assert.equal(a.labels, null)
    assert.equal(a.accessories, null)
    assert.equal(a.addition_links.build_history.href, `/api/v2.0/projects/ap/repositories/app%252Fweb/artifacts/${img.digest}/additions/build_history`)
    const idx = r.json.find((x: any) => x.digest === index.digest)
    assert.equal(idx.type, 'IMAGE')
    assert.equal(idx.references.length, 2)
    assert.equal(idx.references.find((x: any) => x.child_digest === arm.digest).platform.architecture, 'arm64')
    assert.equal(idx.references.find((x: any) => x.child_digest === arm.digest).child_id, r.json.find((x: any) => x.digest === arm.digest).id)
  })

  test('with_* flags and q', async () => {
    const noTags = await api(b, `${A}?with_tag=false&with_accessory=true&with_label=true&with_scan_overview=true&with_immutable_status=true&with_signature=true`, { auth: guest.auth })
    assert.equal(noTags.status, 200, noTags.text)
    const a = noTags.json.find((x: any) => x.digest === img.digest)
    assert.equal(a.tags, null)
    assert.deepEqual(a.labels, [])
    assert.equal(a.accessories.length, 1)
    assert.equal(a.accessories[0].digest, sig.digest)
    assert.equal(a.accessories[0].type, 'signature.cosign')
    const tagged = await api(b, `${A}?q=${encodeURIComponent('tags=multi')}`, { auth: guest.auth })
    assert.deepEqual(tagged.json.map((x: any) => x.digest), [index.digest])
    const fuzzy = await api(b, `${A}?q=${encodeURIComponent('tags=~ar')}`, { auth: guest.auth })
    assert.deepEqual(fuzzy.json.map((x: any) => x.digest), [arm.digest])
    const digest = await api(b, `${A}?q=${encodeURIComponent(`digest=${img.digest}`)}`, { auth: guest.auth })
    assert.equal(digest.json.length, 1)
    const paged = await api(b, `${A}?page_size=1&page=2&sort=size`, { auth: guest.auth })
    assert.equal(paged.json.length, 1)
    assert.match(paged.headers.get('link') ?? '', /rel="next"/)
    for (const qs of ['with_tag=maybe', 'q=bogus%3D1', 'sort=nope', 'q=tags%3D%5Ba~b%5D', 'page_size=0', 'with_label=perhaps', 'with_tag=true&with_tag=false']) {
      await expectError(api(b, `${A}?${qs}`, { auth: guest.auth }), 400, 'BAD_REQUEST')
    }
    // Harbor's generated handlers read booleans with go-openapi's swag.ConvertBool: 1, t, yes, on … are true
    for (const [qs, tagged] of [['with_tag=1', true], ['with_tag=T', true], ['with_tag=yes', true], ['with_tag=0', false], ['with_tag=False', false], ['with_tag=off', false]] as const) {
      const r = await api(b, `${A}?${qs}`, { auth: guest.auth })
      assert.equal(r.status, 200, `${qs}: ${r.text}`)
      const one = r.json.find((x: any) => x.digest === img.digest)
      assert.equal(one.tags === null ? 'untagged' : one.tags.length > 0, tagged ? true : 'untagged', qs)
    }
  })

  test('get by tag or digest; build_history from the config', async () => {
    const byTag = await api(b, `${A}/v1`, { auth: guest.auth })
    assert.equal(byTag.status, 200, byTag.text)
    assert.equal(byTag.json.digest, img.digest)
    const byDigest = await api(b, `${A}/${img.digest}?with_label=true`, { auth: guest.auth })
    assert.equal(byDigest.json.id, byTag.json.id)
    const hist = await api(b, `${A}/v1/additions/build_history`, { auth: guest.auth })
    assert.equal(hist.status, 200, hist.text)
    assert.equal(hist.json[0].created_by, '/bin/sh -c #(nop) ADD v1')
    await expectError(api(b, `${A}/multi/additions/build_history`, { auth: guest.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${A}/v1/additions/bogus`, { auth: guest.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${A}/nosuch`, { auth: guest.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${A}/sha256:${'0'.repeat(64)}`, { auth: guest.auth }), 404, 'NOT_FOUND')
    for (const bad of ["caf%C3%A9", "-x", "x%2Fy", "%00"]) await expectError(api(b, `${A}/${bad}`, { auth: guest.auth }), 400, "BAD_REQUEST")
    await expectError(api(b, `${A}/sha256:zz`, { auth: guest.auth }), 400, 'BAD_REQUEST')
    await expectError(api(b, `${A}/v1`), 401, 'UNAUTHORIZED')
  })

  test('tags: create and delete, seen by /v2 at once; 409 on a taken name; roles', async () => {
    assert.equal((await v2(b, 'ap/app/web/tags/list')).status, 200) // warm the tag list cache
    await expectError(api(b, `${A}/v1/tags`, { method: 'POST', auth: guest.auth, body: { name: 'nope' } }), 403, 'FORBIDDEN')
    const r = await api(b, `${A}/v1/tags`, { method: 'POST', auth: developer.auth, body: { name: 'extra' } })
    assert.equal(r.status, 201, r.text)
    const list = JSON.parse((await v2(b, 'ap/app/web/tags/list')).body.toString())
    assert.ok(list.tags.includes('extra'))
    const pulled = await v2(b, 'ap/app/web/manifests/extra')
    assert.deepEqual(pulled.body, img.body)
    await expectError(api(b, `${A}/v1/tags`, { method: 'POST', auth: developer.auth, body: { name: 'arm' } }), 409, 'CONFLICT')
    await expectError(api(b, `${A}/v1/tags`, { method: 'POST', auth: developer.auth, body: { name: 'bad tag' } }), 400, 'BAD_REQUEST')
    await expectError(api(b, `${A}/v1/tags`, { method: 'POST', auth: developer.auth, body: { more: 1 } }), 400, 'BAD_REQUEST')
    await expectError(api(b, `${A}/v1/tags`, { method: 'POST', auth: developer.auth, body: { name: 7 } }), 400, 'BAD_REQUEST')
    const tags = await api(b, `${A}/v1/tags?sort=name`, { auth: guest.auth })
    assert.deepEqual(tags.json.map((t: any) => t.name), ['extra', 'v1'])
    await expectError(api(b, `${A}/v1/tags/extra`, { method: 'DELETE', auth: developer.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `${A}/v1/tags/arm`, { method: 'DELETE', auth: maintainer.auth }), 404, 'NOT_FOUND')
    assert.equal((await api(b, `${A}/v1/tags/extra`, { method: 'DELETE', auth: maintainer.auth })).status, 200)
    assert.ok(!JSON.parse((await v2(b, 'ap/app/web/tags/list')).body.toString()).tags.includes('extra'))
    assert.equal((await v2(b, 'ap/app/web/manifests/extra')).status, 404)
    assert.equal((await auditRows(b, "resource_type = 'tag' and resource = 'ap/app/web:extra'")).length, 2)
  })

  test('copy between repositories and projects, then pull the copy byte for byte', async () => {
    const to = '/projects/ap2/repositories/copied/artifacts'
    await expectError(api(b, `${to}?from=ap/app/web:v1`, { method: 'POST', auth: guest.auth }), 403, 'FORBIDDEN')
    const r = await api(b, `${to}?from=${encodeURIComponent('ap/app/web:multi')}`, { method: 'POST', auth: developer.auth })
    assert.equal(r.status, 201, r.text)
    const got = await v2(b, 'ap2/copied/manifests/multi')
    assert.equal(got.status, 200)
    assert.deepEqual(got.body, index.body)
    assert.deepEqual((await v2(b, `ap2/copied/manifests/${arm.digest}`)).body, arm.body)
    assert.deepEqual((await v2(b, `ap2/copied/blobs/${arm.layerDigest}`)).body, arm.layer)
    const same = await api(b, `/projects/ap/repositories/web2/artifacts?from=${encodeURIComponent(`ap/app/web@${img.digest}`)}`, { method: 'POST', auth: developer.auth })
    assert.equal(same.status, 201, same.text)
    assert.deepEqual((await v2(b, `ap/web2/manifests/${img.digest}`)).body, img.body)
    assert.deepEqual((await v2(b, 'ap/web2/manifests/v1')).body, img.body) // the root's tags come along
    // the source must be readable: a private project the caller is not in looks absent
    const outsider = await makeUser(b, 'out')
    await addMember(b, 'apub', (outsider as any).username, 2)
    await expectError(api(b, `/projects/apub/repositories/x/artifacts?from=ap/app/web:v1`, { method: 'POST', auth: outsider.auth }), 404, 'NOT_FOUND')
    for (const from of ['', 'nope', 'ap/app/web', 'ap/app/web@sha256:12', 'AP/x:v1', '../x:v1', 'ap/app/web:bad tag']) {
      await expectError(api(b, `${to}?from=${encodeURIComponent(from)}`, { method: 'POST', auth: developer.auth }), 400, 'BAD_REQUEST')
    }
    await expectError(api(b, `${to}?from=ap/app/web:nosuch`, { method: 'POST', auth: developer.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${to}?from=ap/nosuch:v1`, { method: 'POST', auth: developer.auth }), 404, 'NOT_FOUND')
    assert.ok((await auditRows(b, "resource_type = 'artifact' and operation = 'create'")).length >= 2)
  })

  test('delete: maintainers only; the manifest is gone from /v2 at once', async () => {
    await pushImage(b, 'ap/del', 'v1')
    const D = '/projects/ap/repositories/del/artifacts'
    assert.equal((await v2(b, 'ap/del/manifests/v1')).status, 200)
    await expectError(api(b, `${D}/v1`, { method: 'DELETE', auth: guest.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `${D}/v1`, { method: 'DELETE', auth: developer.auth }), 403, 'FORBIDDEN')
    await expectError(api(b, `${D}/v1`, { method: 'DELETE' }), 401, 'UNAUTHORIZED')
    const digest = (await api(b, `${D}/v1`, { auth: guest.auth })).json.digest
    assert.equal((await v2(b, `ap/del/manifests/${digest}`)).status, 200)
    assert.equal((await api(b, `${D}/v1`, { method: 'DELETE', auth: maintainer.auth })).status, 200)
    assert.equal((await v2(b, 'ap/del/manifests/v1')).status, 404)
    assert.equal((await v2(b, `ap/del/manifests/${digest}`)).status, 404)
    await expectError(api(b, `${D}/v1`, { auth: guest.auth }), 404, 'NOT_FOUND')
    assert.equal((await auditRows(b, `resource_type = 'artifact' and operation = 'delete' and resource = 'ap/del@${digest}'`)).length, 1)
    // a child of an index cannot go while the index lists it; the index takes its untagged children and accessories along
    await expectError(api(b, `${A}/arm`, { method: 'DELETE', auth: maintainer.auth }), 412, 'PRECONDITION')
  })

  test('anonymous reads public projects only', async () => {
    const r = await api(b, '/projects/apub/repositories/pub/artifacts')
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.length, 1)
    await expectError(api(b, '/projects/apub/repositories/pub/artifacts/v1', { method: 'DELETE' }), 401, 'UNAUTHORIZED')
    await expectError(api(b, A), 401, 'UNAUTHORIZED')
  })
})
