// Harbor's audit log API (/audit-logs, /projects/{name}/logs) and the rows /v2 writes for pushes,
// pulls and deletes: who sees which rows, q filters, sort and paging, bad parameters.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, createProject, startBerth, type InProcessBerth } from '../helpers/berth.js'
import { api, expectError, makeProject, makeUser, pullManifest, pushImage } from '../helpers/api-client.js'
import { flushAudit } from '../../src/audit/log.js'

describe('audit logs', () => {
  let b: InProcessBerth
  let erin: Awaited<ReturnType<typeof makeUser>>
  let frank: Awaited<ReturnType<typeof makeUser>>
  let digest = ''
  let start = ''

  /** Reads the log once the buffered (pull/push) rows are written; `want` rows at least, when given. */
  async function logs(path: string, auth: string | undefined = ADMIN_AUTH, want?: number) {
    await flushAudit(b.deps)
    const r = await api(b, path, { auth })
    if (want !== undefined) assert.ok(r.json?.length >= want, `${path}: ${r.json?.length} rows, want ${want}`)
    return r
  }

  before(async () => {
    b = await startBerth()
    start = new Date(Date.now() - 1000).toISOString()
    await createProject(b.url, 'audited')
    erin = await makeUser(b, 'erin')
    frank = await makeUser(b, 'frank')
    await makeProject(b, 'erinproj', { auth: erin.auth })
    const pushed = await pushImage(b, ADMIN_AUTH, 'audited/app', 'v1')
    assert.equal(pushed.status, 201)
    digest = pushed.digest!
    assert.equal(await pullManifest(b, ADMIN_AUTH, 'audited/app', 'v1'), 200)
    assert.equal(await pullManifest(b, ADMIN_AUTH, 'audited/app', digest), 200)
    assert.equal(await pullManifest(b, ADMIN_AUTH, 'audited/app', 'v1', 'HEAD'), 200)
    assert.equal((await pushImage(b, erin.auth, 'erinproj/tool', 'v1')).status, 201)
    const del = await fetch(`${b.url}/v2/audited/app/manifests/${digest}`, { method: 'DELETE', headers: { authorization: ADMIN_AUTH } })
    assert.equal(del.status, 202)
  })
  after(async () => { await b?.close() })

  test('pushes, pulls (not HEAD) and deletes through /v2 are audited', async () => {
    const r = await logs('/audit-logs?q=resource_type=artifact&sort=op_time&page_size=100', ADMIN_AUTH, 5)
    assert.equal(r.status, 200)
    const rows = r.json.map((l: any) => [l.username, l.operation, l.resource])
    assert.deepEqual(rows, [
      ['admin', 'create', 'audited/app:v1'],
      ['admin', 'pull', 'audited/app:v1'],
      ['admin', 'pull', `audited/app@${digest}`],
      [erin.username, 'create', 'erinproj/tool:v1'],
      ['admin', 'delete', `audited/app@${digest}`],
    ])
    for (const l of r.json) {
      assert.deepEqual(Object.keys(l).sort(), ['id', 'op_time', 'operation', 'resource', 'resource_type', 'username'])
      assert.ok(!Number.isNaN(Date.parse(l.op_time)))
    }
  })

  test('filters, sort and paging', async () => {
    await logs('/audit-logs?q=resource_type=artifact', ADMIN_AUTH, 5)
    const pulls = await api(b, '/audit-logs?q=operation=pull', { auth: ADMIN_AUTH })
    assert.equal(pulls.json.length, 2)
    assert.equal(pulls.headers.get('x-total-count'), '2')
    const fuzzy = await api(b, '/audit-logs?q=resource=~erinproj', { auth: ADMIN_AUTH })
    assert.ok(fuzzy.json.length >= 1 && fuzzy.json.every((l: any) => l.resource.includes('erinproj')))
    const byUser = await api(b, `/audit-logs?q=username=${erin.username},resource_type=artifact`, { auth: ADMIN_AUTH })
    assert.deepEqual(byUser.json.map((l: any) => l.operation), ['create'])
    const or = await api(b, `/audit-logs?q=operation=${encodeURIComponent('{pull delete}')}`, { auth: ADMIN_AUTH })
    assert.equal(or.json.length, 3)
    const now = new Date(Date.now() + 1000).toISOString()
    const inRange = await api(b, `/audit-logs?q=resource_type=artifact,op_time=${encodeURIComponent(`[${start}~${now}]`)}`, { auth: ADMIN_AUTH })
    assert.equal(inRange.json.length, 5)
    const future = await api(b, `/audit-logs?q=op_time=${encodeURIComponent(`[${now}~]`)}`, { auth: ADMIN_AUTH })
    assert.equal(future.json.length, 0)
    // default order is newest first
    const all = await api(b, '/audit-logs?q=resource_type=artifact', { auth: ADMIN_AUTH })
    assert.equal(all.json[0].operation, 'delete')
    const asc = await api(b, '/audit-logs?q=resource_type=artifact&sort=op_time', { auth: ADMIN_AUTH })
    assert.equal(asc.json[0].operation, 'create')
    const p1 = await api(b, '/audit-logs?q=resource_type=artifact&sort=op_time&page=1&page_size=2', { auth: ADMIN_AUTH })
    const p3 = await api(b, '/audit-logs?q=resource_type=artifact&sort=op_time&page=3&page_size=2', { auth: ADMIN_AUTH })
    assert.equal(p1.json.length, 2)
    assert.equal(p1.headers.get('x-total-count'), '5')
    assert.match(p1.headers.get('link')!, /rel="next"/)
    assert.equal(p3.json.length, 1)
    assert.equal(p3.json[0].operation, 'delete')
    assert.match(p3.headers.get('link')!, /rel="prev"/)
  })

  test('bad parameters are 400', async () => {
    for (const qs of ['q=colour=red', 'q=op_time=yesterday', 'q=op_time=~2020', 'q=operation', 'sort=client_ip', 'sort=op_time,op_time', 'page=0', 'page_size=101', 'page=x', `q=${'a'.repeat(2000)}`]) {
      await expectError(api(b, `/audit-logs?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
      await expectError(api(b, `/projects/audited/logs?${qs}`, { auth: ADMIN_AUTH }), 400, 'BAD_REQUEST')
    }
  })

  test('who sees what: admin all, project admins their projects, others nothing', async () => {
    await expectError(api(b, '/audit-logs'), 401, 'UNAUTHORIZED')
    await logs('/audit-logs?q=resource_type=artifact', ADMIN_AUTH, 5)
    const mine = await api(b, '/audit-logs?page_size=100', { auth: erin.auth })
    assert.equal(mine.status, 200)
    assert.ok(mine.json.length >= 1)
    assert.ok(mine.json.every((l: any) => !l.resource.startsWith('audited/')), 'only erinproj rows')
    assert.ok(mine.json.some((l: any) => l.resource === 'erinproj/tool:v1'))
    const none = await api(b, '/audit-logs', { auth: frank.auth })
    assert.equal(none.status, 200)
    assert.deepEqual(none.json, [])
    assert.equal(none.headers.get('x-total-count'), '0')
  })

  test('/projects/{project_name}/logs', async () => {
    await logs('/audit-logs?q=resource_type=artifact', ADMIN_AUTH, 5)
    const r = await api(b, '/projects/audited/logs?q=resource_type=artifact', { auth: ADMIN_AUTH })
    assert.equal(r.status, 200)
    assert.equal(r.json.length, 4)
    assert.ok(r.json.every((l: any) => l.resource.startsWith('audited/')))
    const erins = await api(b, '/projects/erinproj/logs', { auth: erin.auth })
    assert.equal(erins.status, 200)
    assert.ok(erins.json.some((l: any) => l.resource === 'erinproj/tool:v1'))
    await expectError(api(b, '/projects/audited/logs', { auth: erin.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/erinproj/logs', { auth: frank.auth }), 404, 'NOT_FOUND')
    await expectError(api(b, '/projects/erinproj/logs'), 401, 'UNAUTHORIZED')
    await expectError(api(b, '/projects/nosuch/logs', { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${encodeURIComponent('..')}/logs`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    await expectError(api(b, `/projects/${encodeURIComponent('ünï')}/logs`, { auth: ADMIN_AUTH }), 404, 'NOT_FOUND')
    // a public project's logs need 'log list': anonymous visitors may not read them
    await createProject(b.url, 'openlogs', { public: true })
    await expectError(api(b, '/projects/openlogs/logs'), 401, 'UNAUTHORIZED')
    await expectError(api(b, '/projects/openlogs/logs', { auth: frank.auth }), 403, 'FORBIDDEN')
  })
})
