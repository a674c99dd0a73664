// Harbor's /configurations: berth.yml gives the defaults, values stored through the API override
// them at once (sign-up, project creation, systeminfo) and across restarts; only admins read or write.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_AUTH, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, auditRows, dbRows, expectError, makeUser } from '../helpers/api-client.js'

/** PUT /configurations as the admin, or as `auth` (null: anonymous). */
const put = (b: RunningBerth, body: unknown, auth: string | null = ADMIN_AUTH) =>
  api(b, '/configurations', { method: 'PUT', auth: auth ?? undefined, body })

let seq = 0
const signUp = (b: RunningBerth) => {
  const username = `signup${++seq}`
  return api(b, '/users', { method: 'POST', body: { username, email: `${username}@example.com`, realname: username, password: 'Passw0rd1' } })
}

describe('configurations API', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b.close() })

  test('the admin reads Harbor\'s ConfigurationsResponse with the berth.yml defaults', async () => {
    const r = await api(b, '/configurations', { auth: ADMIN_AUTH })
    assert.equal(r.status, 200, r.text)
    assert.deepEqual(r.json, {
      auth_mode: { value: 'db_auth', editable: false },
      self_registration: { value: false, editable: true },
      project_creation_restriction: { value: 'everyone', editable: true },
      token_expiration: { value: 30, editable: false },
    })
  })

  test('anonymous callers get 401 and other users 403, on GET and PUT; nothing changes', async () => {
    const user = await makeUser(b, 'cfg')
    await expectError(api(b, '/configurations'), 401, 'UNAUTHORIZED')
    await expectError(api(b, '/configurations', { auth: user.auth }), 403, 'FORBIDDEN')
    await expectError(put(b, { self_registration: true }, null), 401, 'UNAUTHORIZED')
    await expectError(put(b, { self_registration: true }, user.auth), 403, 'FORBIDDEN')
    assert.equal((await dbRows(b, 'select * from system_setting')).length, 0)
  })

  test('self_registration: on lets anonymous callers sign up, off refuses them with 401', async () => {
    assert.equal((await signUp(b)).status, 401)
    const on = await put(b, { self_registration: true })
    assert.equal(on.status, 200, on.text)
    assert.equal((await api(b, '/configurations', { auth: ADMIN_AUTH })).json.self_registration.value, true)
    const r = await signUp(b)
    assert.equal(r.status, 201, r.text)
    assert.equal((await put(b, { self_registration: false })).status, 200)
    await expectError(signUp(b), 401, 'UNAUTHORIZED')
    const audits = (await auditRows(b, `resource_type = 'configuration' and operation = 'update'`))
    assert.equal(audits.length, 2)
    assert.equal(audits[0]!.username, 'admin')
  })

  test('project_creation_restriction: adminonly refuses a plain user with 403, the admin still creates', async () => {
    const user = await makeUser(b, 'cfgp')
    assert.equal((await put(b, { project_creation_restriction: 'adminonly' })).status, 200)
    await expectError(api(b, '/projects', { method: 'POST', auth: user.auth, body: { project_name: 'cfg-user-denied' } }), 403, 'FORBIDDEN')
    const admin = await api(b, '/projects', { method: 'POST', auth: ADMIN_AUTH, body: { project_name: 'cfg-admin-ok' } })
    assert.equal(admin.status, 201, admin.text)
    assert.equal((await put(b, { project_creation_restriction: 'everyone' })).status, 200)
    const again = await api(b, '/projects', { method: 'POST', auth: user.auth, body: { project_name: 'cfg-user-ok' } })
    assert.equal(again.status, 201, again.text)
  })

  test('systeminfo shows the stored values', async () => {
    assert.equal((await put(b, { self_registration: true, project_creation_restriction: 'adminonly' })).status, 200)
    const anon = await api(b, '/systeminfo')
    assert.equal(anon.json.self_registration, true)
    const admin = await api(b, '/systeminfo', { auth: ADMIN_AUTH })
    assert.equal(admin.json.self_registration, true)
    assert.equal(admin.json.project_creation_restriction, 'adminonly')
    assert.equal((await put(b, { self_registration: false, project_creation_restriction: 'everyone' })).status, 200)
    const after = await api(b, '/systeminfo', { auth: ADMIN_AUTH })
    assert.equal(after.json.self_registration, false)
    assert.equal(after.json.project_creation_restriction, 'everyone')
  })

  test('bad bodies are refused with 400 and change nothing', async () => {
    assert.equal((await put(b, { self_registration: true, project_creation_restriction: 'adminonly' })).status, 200)
    const before = (await dbRows(b, 'select name, value from system_setting order by name'))
    const auditsBefore = (await auditRows(b, `resource_type = 'configuration'`)).length
    const bodies: unknown[] = [
      { self_registration: 'false' },
      { self_registration: 0 },
      { self_registration: null },
      { project_creation_restriction: 'nobody' },
      { project_creation_restriction: true },
      { self_registration: false, auth_mode: 'ldap_auth' },
      { read_only: true },
      { notification_enable: true },
      { storage_per_project: 1024 },
      { robot_name_prefix: 'bot-' },
      { auth_mode: 'ldap_auth' },
      { token_expiration: 60 },
      { ldap_url: 'ldap://example.com' },
      { oidc_endpoint: 'https://example.com' },
      [],
      'self_registration',
      null,
    ]
    for (const body of bodies) {
      const r = await put(b, body)
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.status} ${r.text}`)
      assert.equal(r.json.errors[0].code, 'BAD_REQUEST')
    }
    const named = await put(b, { self_registration: false, ldap_url: 'ldap://x' })
    assert.match(named.json.errors[0].message, /ldap_url/)
    await expectError(api(b, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, raw: '{"self_registration":' }), 400)
    await expectError(api(b, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, raw: '{"self_registration":false,"__proto__":{"x":1}}' }), 400)
    await expectError(api(b, '/configurations', { method: 'PUT', auth: ADMIN_AUTH }), 400)
    await expectError(api(b, '/configurations', { method: 'PUT', auth: ADMIN_AUTH, raw: `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}` }), 413)
    assert.deepEqual((await dbRows(b, 'select name, value from system_setting order by name')), before)
    assert.equal((await auditRows(b, `resource_type = 'configuration'`)).length, auditsBefore)
    const now = await api(b, '/configurations', { auth: ADMIN_AUTH })
    assert.equal(now.json.self_registration.value, true)
    assert.equal(now.json.project_creation_restriction.value, 'adminonly')
    // an empty body changes nothing, and neither do keys Harbor's Configurations does not have
    assert.equal((await put(b, {})).status, 200)
    assert.equal((await put(b, { no_such_setting: 1 })).status, 200)
    // Harbor-only keys whose values ask for nothing (empty, off, or what Berth does) pass and change nothing
    const neutral = {
      auth_mode: 'db_auth', read_only: false, notification_enable: false, ldap_url: '', oidc_verify_cert: true,
      quota_per_project_enable: true, storage_per_project: -1, robot_name_prefix: 'robot$', banner_message: '', token_expiration: 30,
    }
    const r = await put(b, neutral)
    assert.equal(r.status, 200, r.text)
    assert.deepEqual((await dbRows(b, 'select name, value from system_setting order by name')), before)
    assert.equal((await auditRows(b, `resource_type = 'configuration'`)).length, auditsBefore)
    assert.equal((await auditRows(b, `resource_type = 'configuration'`)).length, auditsBefore)
  })
})

describe('configurations across restarts and config defaults', () => {
  test('berth.yml gives the defaults', async () => {
    const b = await startBerth({ config: { auth: { self_registration: true, project_creation_restriction: 'adminonly' }, token: { expiration_minutes: 45 } } })
    try {
      const r = await api(b, '/configurations', { auth: ADMIN_AUTH })
      assert.equal(r.json.self_registration.value, true)
      assert.equal(r.json.project_creation_restriction.value, 'adminonly')
      assert.equal(r.json.token_expiration.value, 45)
      assert.equal((await signUp(b)).status, 201)
    } finally {
      await b.close()
    }
  })

  test('stored values override berth.yml and survive a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'berth-cfg-'))
    try {
      const first = await startBerth({ dataDir, config: { auth: { self_registration: true } } })
      try {
        assert.equal((await put(first, { self_registration: false, project_creation_restriction: 'adminonly' })).status, 200)
      } finally {
        await first.close()
      }
      const second = await startBerth({ dataDir, config: { auth: { self_registration: true } } })
      try {
        const r = await api(second, '/configurations', { auth: ADMIN_AUTH })
        assert.equal(r.json.self_registration.value, false)
        assert.equal(r.json.project_creation_restriction.value, 'adminonly')
        await expectError(signUp(second), 401, 'UNAUTHORIZED')
        const user = await makeUser(second, 'cfgr')
        await expectError(api(second, '/projects', { method: 'POST', auth: user.auth, body: { project_name: 'cfg-restart' } }), 403, 'FORBIDDEN')
      } finally {
        await second.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
