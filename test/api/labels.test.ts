// Harbor's labels: global and project scope, who may manage them, and labels on artifacts.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, createProject, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, auditRows, expectError, roleMembers } from '../helpers/api-client.js'
import { pushImage } from './registry-fixtures.js'

describe('labels API', () => {
  let b: RunningBerth
  let guest: { auth: string }
  let developer: { auth: string }
  let maintainer: { auth: string }
  let projectId: number
  let otherId: number
  const A = '/projects/lp/repositories/img/artifacts'
  before(async () => {
    b = await startBerth()
    await createProject(b.url, 'lp')
    await createProject(b.url, 'lp2')
    await pushImage(b, 'lp/img', 'v1')
    projectId = (await api(b, '/projects/lp', { auth: ADMIN_AUTH })).json.project_id
    otherId = (await api(b, '/projects/lp2', { auth: ADMIN_AUTH })).json.project_id
    ;({ guest, developer, maintainer } = await roleMembers(b, 'lp'))
  })
  after(async () => { await b.close() })

  test('global labels: admins create, everyone signed in reads', async () => {
    await expectError(api(b, '/labels', { method: 'POST', auth: maintainer.auth, body: { name: 'g1', scope: 'g' } }), 403, 'FORBIDDEN')
    await expectError(api(b, '/labels', { method: 'POST', body: { name: 'g1', scope: 'g' } }), 401, 'UNAUTHORIZED')
    const r = await api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'g1', scope: 'g', color: '#FF0000', description: 'global' } })
    assert.equal(r.status, 201, r.text)
    const id = Number(r.headers.get('location')!.split('/').pop())
    const got = await api(b, `/labels/${id}`, { auth: guest.auth })
    assert.equal(got.status, 200, got.text)
    assert.equal(got.json.name, 'g1')
    assert.equal(got.json.scope, 'g')
    assert.equal(got.json.project_id, 0)
    await expectError(api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'g1', scope: 'g' } }), 409, 'CONFLICT')
    const list = await api(b, '/labels?scope=g', { auth: guest.auth })
    assert.equal(list.headers.get('x-total-count'), '1')
    assert.equal((await api(b, `/labels/${id}`, { method: 'PUT', auth: ADMIN_AUTH, body: { description: 'changed' } })).status, 200)
    assert.equal((await api(b, `/labels/${id}`, { auth: ADMIN_AUTH })).json.description, 'changed')
    await expectError(api(b, `/labels/${id}`, { method: 'PUT', auth: maintainer.auth, body: { description: 'no' } }), 403, 'FORBIDDEN')
    await expectError(api(b, `/labels/${id}`, { method: 'DELETE', auth: maintainer.auth }), 403, 'FORBIDDEN')
  })

  test('project labels need label permissions in their project', async () => {
    await expectError(api(b, '/labels', { method: 'POST', auth: developer.auth, body: { name: 'p1', scope: 'p', project_id: projectId } }), 403, 'FORBIDDEN')
    const r = await api(b, '/labels', { method: 'POST', auth: maintainer.auth, body: { name: 'p1', scope: 'p', project_id: projectId } })
    assert.equal(r.status, 201, r.text)
    await expectError(api(b, '/labels', { method: 'POST', auth: maintainer.auth, body: { name: 'p1', scope: 'p', project_id: otherId } }), 404, 'NOT_FOUND')
    const list = await api(b, `/labels?scope=p&project_id=${projectId}`, { auth: guest.auth })
    assert.equal(list.status, 200, list.text)
    assert.deepEqual(list.json.map((l: any) => l.name), ['p1'])
    const fuzzy = await api(b, `/labels?scope=p&project_id=${projectId}&name=1`, { auth: guest.auth })
    assert.equal(fuzzy.json.length, 1)
    await expectError(api(b, `/labels?scope=p&project_id=${otherId}`, { auth: guest.auth }), 404, 'NOT_FOUND')
    assert.ok((await auditRows(b, "resource_type = 'label' and operation = 'create'")).length >= 2)
  })

  test('labels on artifacts: add, list with with_label, remove', async () => {
    const g = (await api(b, '/labels?scope=g', { auth: ADMIN_AUTH })).json[0]
    const p = (await api(b, `/labels?scope=p&project_id=${projectId}`, { auth: ADMIN_AUTH })).json[0]
    await expectError(api(b, `${A}/v1/labels`, { method: 'POST', auth: guest.auth, body: { id: g.id } }), 403, 'FORBIDDEN')
    assert.equal((await api(b, `${A}/v1/labels`, { method: 'POST', auth: developer.auth, body: { id: g.id } })).status, 200)
    assert.equal((await api(b, `${A}/v1/labels`, { method: 'POST', auth: developer.auth, body: { id: p.id } })).status, 200)
    await expectError(api(b, `${A}/v1/labels`, { method: 'POST', auth: developer.auth, body: { id: p.id } }), 409, 'CONFLICT')
    await expectError(api(b, `${A}/v1/labels`, { method: 'POST', auth: developer.auth, body: { id: 99999 } }), 404, 'NOT_FOUND')
    const art = await api(b, `${A}/v1?with_label=true`, { auth: guest.auth })
    assert.deepEqual(art.json.labels.map((l: any) => l.name).sort(), ['g1', 'p1'])
    const filtered = await api(b, `${A}?q=${encodeURIComponent(`labels=(${g.id} ${p.id})`)}`, { auth: guest.auth })
    assert.equal(filtered.json.length, 1)
    assert.equal((await api(b, `${A}/v1/labels/${p.id}`, { method: 'DELETE', auth: developer.auth })).status, 200)
    await expectError(api(b, `${A}/v1/labels/${p.id}`, { method: 'DELETE', auth: developer.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, `${A}/v1/labels/abc`, { method: 'DELETE', auth: developer.auth }), 400, 'BAD_REQUEST')
    // deleting a label takes it off every artifact
    assert.equal((await api(b, `/labels/${g.id}`, { method: 'DELETE', auth: ADMIN_AUTH })).status, 200)
    assert.deepEqual((await api(b, `${A}/v1?with_label=true`, { auth: guest.auth })).json.labels, [])
    await expectError(api(b, `/labels/${g.id}`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
  })

  test('bad input is a 400 and stores nothing', async () => {
    const before = (await api(b, '/labels?scope=g', { auth: ADMIN_AUTH })).json.length
    for (const body of [{ name: 5, scope: 'g' }, { name: '', scope: 'g' }, { name: 'x', scope: 'z' },
      { name: 'x'.repeat(200), scope: 'g' }, { name: 'x', scope: 'p' }, { name: 'x', scope: 'g', color: 'red' }, { name: '   ', scope: 'g' }]) {
      await expectError(api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body }), 400, 'BAD_REQUEST')
    }
    await expectError(api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, raw: '[' }), 400, 'BAD_REQUEST')
    for (const qs of ['', 'scope=x', 'scope=p', 'scope=p&project_id=abc', 'scope=g&sort=nope', 'scope=g&page_size=9999']) {
      await expectError(api(b, `/labels?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
    for (const id of ['abc', '0', '-1', '1e3', '99999999999999999999']) {
      const r = await api(b, `/labels/${id}`, { auth: ADMIN_AUTH })
      assert.ok(r.status === 400 || r.status === 404, `${id}: ${r.status}`)
    }
    assert.equal((await api(b, '/labels?scope=g', { auth: ADMIN_AUTH })).json.length, before)
  })
})
