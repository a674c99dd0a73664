// Portal sessions: POST /c/login, the sid cookie with CSRF protection on every surface,
// GET /c/log_out, and login throttling per client address and user (on every surface that checks
// passwords). Time is a manual clock and audit rows are flushed: nothing here sleeps.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_AUTH, ADMIN_PASSWORD, startBerth, type InProcessBerth, type RunningBerth } from '../helpers/berth.js'
import { hashPassword, PASSWORD_COST } from '../../src/iam/passwords.js'
import { manualClock } from '../helpers/clock.js'
import { requestFrom } from '../helpers/net.js'
import { flushAudit } from '../../src/audit/log.js'
import { createHash } from 'node:crypto'
import { api, auditRows, basic, createUser, dbRows, errorCode, makeProject, portalLogin, portalSession } from '../helpers/api-client.js'
import { OCI_MANIFEST, pushImage } from './registry-fixtures.js'

/** Audit rows matching `where`, once the buffered ones are written. */
async function audited(b: InProcessBerth, where: string) {
  await flushAudit(b.deps)
  return (await auditRows(b, where))
}

describe('portal sessions', () => {
  let b: InProcessBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b.close() })

  test('login sets an HttpOnly SameSite=Lax sid cookie and returns the CSRF token; the cookie reads the API', async () => {
    const s = await portalSession(b, 'admin', ADMIN_PASSWORD)
    assert.match(s.setCookie, /^sid=[^;]+;/)
    assert.match(s.setCookie, /HttpOnly/i)
    assert.match(s.setCookie, /SameSite=Lax/i)
    assert.match(s.setCookie, /Path=\//)
    assert.match(s.setCookie, /Max-Age=1800/)
    const me = await api(b, '/users/current', { cookie: s.cookie })
    assert.equal(me.status, 200)
    assert.equal(me.json.username, 'admin')
    const rows = await audited(b, `operation = 'login' and username = 'admin'`)
    assert.ok(rows.length >= 1)
    assert.equal(rows[0]!.resource_type, 'user')
  })

  test('state-changing calls with the cookie need the CSRF header', async () => {
    const { id } = await createUser(b, 'csrfuser', 'Csrfuser123')
    const s = await portalSession(b, 'csrfuser', 'Csrfuser123')
    const noHeader = await api(b, `/users/${id}`, { method: 'PUT', cookie: s.cookie, body: { comment: 'no csrf' } })
    assert.equal(noHeader.status, 403)
    assert.equal(errorCode(noHeader), 'FORBIDDEN')
    const wrong = await api(b, `/users/${id}`, { method: 'PUT', cookie: s.cookie, csrf: 'not-the-token', body: { comment: 'bad csrf' } })
    assert.equal(wrong.status, 403)
    const other = await portalSession(b, 'admin', ADMIN_PASSWORD)
    const foreign = await api(b, `/users/${id}`, { method: 'PUT', cookie: s.cookie, csrf: other.csrf, body: { comment: 'other token' } })
    assert.equal(foreign.status, 403)
    assert.equal((await api(b, `/users/${id}`, { cookie: s.cookie })).json.comment, '')
    const ok = await api(b, `/users/${id}`, { method: 'PUT', cookie: s.cookie, csrf: s.csrf, body: { comment: 'with csrf' } })
    assert.equal(ok.status, 200)
    assert.equal((await api(b, `/users/${id}`, { cookie: s.cookie })).json.comment, 'with csrf')
    // POST too (an admin session creating a user)
    const post = await api(b, '/users', { method: 'POST', cookie: other.cookie, body: { username: 'viacookie', email: 'viacookie@example.com', realname: 'V', password: 'Viacookie123' } })
    assert.equal(post.status, 403)
    const post2 = await api(b, '/users', { method: 'POST', cookie: other.cookie, csrf: other.csrf, body: { username: 'viacookie', email: 'viacookie@example.com', realname: 'V', password: 'Viacookie123' } })
    assert.equal(post2.status, 201)
  })

  test('log_out ends the session and clears the cookie', async () => {
    const s = await portalSession(b, 'admin', ADMIN_PASSWORD)
    assert.equal((await api(b, '/users/current', { cookie: s.cookie })).status, 200)
    const res = await fetch(`${b.url}/c/log_out`, { headers: { cookie: s.cookie } })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('set-cookie')!, /^sid=;.*Max-Age=0/)
    const after = await api(b, '/users/current', { cookie: s.cookie })
    assert.equal(after.status, 401)
    assert.equal(errorCode(after), 'UNAUTHORIZED')
    // logging out without a session is fine too
    assert.equal((await fetch(`${b.url}/c/log_out`)).status, 200)
  })

  test('failed logins are 401 with a Harbor body and set no cookie', async () => {
    for (const [principal, password] of [['admin', 'wrong'], ['nosuchuser', 'Whatever123'], ['', ADMIN_PASSWORD], ['admin', '']]) {
      const res = await portalLogin(b, principal!, password!)
      assert.equal(res.status, 401)
      assert.equal(res.headers.get('set-cookie'), null)
      assert.equal(errorCode({ json: await res.json() }), 'UNAUTHORIZED')
    }
    const res = await fetch(`${b.url}/c/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(64 * 1024) })
    assert.ok(res.status >= 400 && res.status < 500)
    const rows = await audited(b, `operation = 'login_failed' and resource = 'nosuchuser'`)
    assert.equal(rows.length, 1)
  })

  test('a tampered cookie is anonymous', async () => {
    const r = await api(b, '/users/current', { cookie: 'sid=forged-value' })
    assert.equal(r.status, 401)
  })

  test('a deleted user loses their sessions', async () => {
    const { id } = await createUser(b, 'doomed', 'Doomed1234')
    const s = await portalSession(b, 'doomed', 'Doomed1234')
    assert.equal((await api(b, '/users/current', { cookie: s.cookie })).status, 200)
    const del = await fetch(`${b.url}/api/v2.0/users/${id}`, { method: 'DELETE', headers: { authorization: ADMIN_AUTH } })
    assert.equal(del.status, 200)
    assert.equal((await api(b, '/users/current', { cookie: s.cookie })).status, 401)
    assert.equal((await portalLogin(b, 'doomed', 'Doomed1234')).status, 401)
  })

  test('after a password change the old password no longer logs in; the new one does', async () => {
    const { id } = await createUser(b, 'changer', 'Changer123')
    const s = await portalSession(b, 'changer', 'Changer123')
    const r = await api(b, `/users/${id}/password`, { method: 'PUT', cookie: s.cookie, csrf: s.csrf, body: { old_password: 'Changer123', new_password: 'Changer456' } })
    assert.equal(r.status, 200)
    assert.equal((await portalLogin(b, 'changer', 'Changer123')).status, 401)
    assert.equal((await portalLogin(b, 'changer', 'Changer456')).status, 200)
    assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: basic('changer', 'Changer123') } })).status, 401)
    assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: basic('changer', 'Changer456') } })).status, 200)
  })
})

describe('login throttling', () => {
  const ATTACKER = '127.0.0.2'
  const SPRAYER = '127.0.0.3'
  const wrong = basic('admin', 'Wrong12345')

  /** Every surface that checks a password, from `from`, as `username`:`password`; status and error of each. */
  async function everySurface(b: RunningBerth, from: string, username: string, password: string) {
    const auth = basic(username, password)
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const calls = {
      v2: requestFrom(from, `${b.url}/v2/`, { headers: { authorization: auth } }),
      tokenGet: requestFrom(from, `${b.url}/service/token?service=harbor-registry`, { headers: { authorization: auth } }),
      tokenPost: requestFrom(from, `${b.url}/service/token`, { method: 'POST', headers: form, body: new URLSearchParams({ grant_type: 'password', username, password, service: 'harbor-registry' }).toString() }),
      login: requestFrom(from, `${b.url}/c/login`, { method: 'POST', headers: form, body: new URLSearchParams({ principal: username, password }).toString() }),
      api: requestFrom(from, `${b.url}/api/v2.0/users/current`, { headers: { authorization: auth } }),
    }
    const out: Record<string, { status: number; code?: string; message?: string; retryAfter?: string }> = {}
    for (const [name, call] of Object.entries(calls)) {
      const res = await call
      const err = res.status >= 400 ? (JSON.parse(res.text) as { errors: Array<{ code: string; message: string }> }).errors[0] : undefined
      out[name] = { status: res.status, code: err?.code, message: err?.message, retryAfter: res.headers['retry-after'] as string | undefined }
    }
    return out
  }

  test('failures hold off the address they come from, with doubling waits; the real user elsewhere logs in at once, on every surface', async () => {
    const clock = manualClock()
    const b = await startBerth({ clock })
    try {
      // the attack of the finding: anonymous GET /v2/ with admin:wrong, five times and more
      for (let i = 0; i < 5; i++) assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).status, 401)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).status, 401) // the 6th starts a 1 s wait
      // while the attack goes on, the admin from another address logs in everywhere at once
      for (const [surface, r] of Object.entries(await everySurface(b, '127.0.0.1', 'admin', ADMIN_PASSWORD))) assert.equal(r.status, 200, surface)

      const held = await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })
      assert.equal(held.status, 429)
      assert.equal(held.headers['retry-after'], '1')
      assert.equal(JSON.parse(held.text).errors[0].code, 'TOOMANYREQUESTS')

      // the attacking address is refused on every surface, even with the right password, with a clear error
      const refused = await everySurface(b, ATTACKER, 'admin', ADMIN_PASSWORD)
      assert.deepEqual(refused.v2, { status: 429, code: 'TOOMANYREQUESTS', message: refused.v2!.message, retryAfter: '1' })
      assert.match(refused.v2!.message!, /too many failed logins for this user from your address: try again in 1 seconds/)
      for (const surface of ['tokenGet', 'tokenPost', 'login', 'api']) {
        assert.equal(refused[surface]!.status, 401, surface)
        assert.equal(refused[surface]!.code, 'UNAUTHORIZED', surface)
        assert.match(refused[surface]!.message!, /too many failed logins for this user from your address: try again in 1 seconds/, surface)
        assert.equal(refused[surface]!.retryAfter, '1', surface)
      }

      // each further failure doubles the wait: 2 s, then 4 s
      clock.advance(1000)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).status, 401)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).headers['retry-after'], '2')
      clock.advance(2000)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).status, 401)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).headers['retry-after'], '4')
      // once the wait is over the right password works from there too, and starts that address afresh
      clock.advance(4000)
      const back = await portalLogin(b, 'admin', ADMIN_PASSWORD) // from 127.0.0.1: unaffected all along
      assert.equal(back.status, 200)
      assert.equal((await requestFrom(ATTACKER, `${b.url}/c/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `principal=admin&password=${ADMIN_PASSWORD}` })).status, 200)
      for (let i = 0; i < 5; i++) assert.equal((await requestFrom(ATTACKER, `${b.url}/v2/`, { headers: { authorization: wrong } })).status, 401, `free failure ${i + 1} after a success`)

      // every checked wrong password is audited as today, and every wait once
      const failed = await audited(b, `operation = 'login_failed' and resource = 'admin' and client_ip = '${ATTACKER}'`)
      assert.equal(failed.length, 6 + 1 + 1 + 5)
      const waits = await audited(b, `operation = 'login_throttled' and resource = 'admin' and client_ip = '${ATTACKER}'`)
      assert.equal(waits.length, 3)
    } finally {
      await b.close()
    }
  })

  test('one address spraying many user names is held off all of them; other addresses are not', async () => {
    const clock = manualClock()
    const b = await startBerth({ clock, config: { auth: { login_throttle: { address_free_failures: 8 } } } })
    try {
      await createUser(b, 'sprayed', 'Sprayed123')
      for (let i = 0; i < 9; i++) {
        const r = await requestFrom(SPRAYER, `${b.url}/api/v2.0/users/current`, { headers: { authorization: basic(`user${i}`, 'Summer2024') } })
        assert.equal(r.status, 401, `attempt ${i + 1}`)
        assert.match(JSON.parse(r.text).errors[0].message, /invalid credentials/)
      }
      // a name never tried from there is held off too, even with its right password
      const held = await requestFrom(SPRAYER, `${b.url}/api/v2.0/users/current`, { headers: { authorization: basic('sprayed', 'Sprayed123') } })
      assert.equal(held.status, 401)
      assert.match(JSON.parse(held.text).errors[0].message, /too many failed logins from your address: try again in 1 seconds/)
      assert.equal(held.headers['retry-after'], '1')
      assert.equal((await requestFrom('127.0.0.4', `${b.url}/api/v2.0/users/current`, { headers: { authorization: basic('sprayed', 'Sprayed123') } })).status, 200)
      clock.advance(1000)
      assert.equal((await requestFrom(SPRAYER, `${b.url}/api/v2.0/users/current`, { headers: { authorization: basic('sprayed', 'Sprayed123') } })).status, 200)
    } finally {
      await b.close()
    }
  })

  test('parallel attempts cannot slip past a wait: past the free failures, one password check per wait', async () => {
    const b = await startBerth({ clock: manualClock(), config: { auth: { login_throttle: { free_failures: 2 } } } })
    try {
      // a guesser tries a different password with each request
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        requestFrom(ATTACKER, `${b.url}/c/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `principal=admin&password=Wrong${i}` })))
      const checked = answers.filter((a) => /invalid credentials/.test(a.text)).length
      const held = answers.filter((a) => /too many failed logins/.test(a.text)).length
      assert.equal(checked + held, 20)
      assert.equal(checked, 3, 'two free failures and one that started the wait')
      assert.equal((await audited(b, `operation = 'login_failed' and client_ip = '${ATTACKER}'`)).length, 3)
    } finally {
      await b.close()
    }
  })

  test('a burst of parallel requests with the right credentials is one attempt: none is held off', async () => {
    const b = await startBerth({ clock: manualClock(), config: { auth: { login_throttle: { free_failures: 2, address_free_failures: 4 } } } })
    try {
      // 24 requests at once, none answered from the credentials cache (none is filled yet)
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) =>
        requestFrom('127.0.0.1', `${b.url}/v2/${i % 2 ? '' : '_catalog'}`, { headers: { authorization: ADMIN_AUTH } })))
      assert.deepEqual(answers.map((a) => a.status), Array(24).fill(200))
      assert.equal((await audited(b, "operation = 'login_throttled'")).length, 0)
    } finally {
      await b.close()
    }
  })
})

describe('the session cookie on other surfaces', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b.close() })

  const v2call = (path: string, method: string, headers: Record<string, string>, body?: Buffer) =>
    fetch(`${b.url}/v2/${path}`, { method, headers: { 'content-type': 'application/octet-stream', ...headers }, body })

  test('on /v2 a cookie-only POST/PUT/PATCH/DELETE is refused and changes nothing; reads and calls with the CSRF header work', async () => {
    await makeProject(b, 'cookiejar')
    const pushed = await pushImage(b, 'cookiejar/kept', 'v1')
    const s = await portalSession(b, 'admin', ADMIN_PASSWORD)
    const layer = Buffer.from('cross-site layer')
    const digest = `sha256:${createHash('sha256').update(layer).digest('hex')}`
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2, mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: pushed.configDigest, size: 0 }, layers: [],
    }))
    // an upload session someone opened legitimately, for the PATCH/PUT/DELETE on it
    const opened = await v2call('cookiejar/kept/blobs/uploads/', 'POST', { authorization: ADMIN_AUTH })
    assert.equal(opened.status, 202)
    const uploadPath = opened.headers.get('location')!.replace(/^.*\/v2\//, '')

    const attempts: Array<[string, string, Buffer | undefined]> = [
      ['cookiejar/evil/blobs/uploads/', 'POST', undefined],
      [`cookiejar/evil2/blobs/uploads/?digest=${digest}`, 'POST', layer],
      ['cookiejar/evil3/manifests/v1', 'PUT', manifest],
      [uploadPath, 'PATCH', layer],
      [`${uploadPath}${uploadPath.includes('?') ? '&' : '?'}digest=${digest}`, 'PUT', layer],
      [uploadPath, 'DELETE', undefined],
      [`cookiejar/kept/manifests/${pushed.digest}`, 'DELETE', undefined],
      ['cookiejar/kept/manifests/v1', 'DELETE', undefined],
    ]
    for (const [path, method, body] of attempts) {
      const variants: Array<Record<string, string>> = [{ cookie: s.cookie }, { cookie: s.cookie, 'x-harbor-csrf-token': 'not-the-token' }]
      for (const headers of variants) {
        const res = await v2call(path, method, headers, body)
        assert.equal(res.status, 403, `${method} ${path}: ${res.status}`)
        const err = (await res.json()) as { errors: Array<{ code: string; message: string }> }
        assert.equal(err.errors[0]!.code, 'DENIED')
        assert.match(err.errors[0]!.message, /CSRF/)
      }
    }
    // nothing was created, uploaded, cancelled or deleted
    const repos = await api(b, '/projects/cookiejar/repositories', { auth: ADMIN_AUTH })
    assert.deepEqual(repos.json.map((r: { name: string }) => r.name), ['cookiejar/kept'])
    const status = await v2call(uploadPath, 'GET', { authorization: ADMIN_AUTH })
    assert.equal(status.status, 204)
    assert.equal(status.headers.get('range'), '0-0')
    assert.equal((await v2call(`cookiejar/kept/blobs/${digest}`, 'HEAD', { authorization: ADMIN_AUTH })).status, 404)
    assert.equal((await v2call('cookiejar/kept/manifests/v1', 'HEAD', { authorization: ADMIN_AUTH })).status, 200)

    // safe methods ride on the cookie, as the portal reads; with the CSRF header writes do too
    assert.equal((await v2call('cookiejar/kept/manifests/v1', 'GET', { cookie: s.cookie, accept: OCI_MANIFEST })).status, 200)
    assert.equal((await v2call('cookiejar/kept/tags/list', 'GET', { cookie: s.cookie })).status, 200)
    const withCsrf = await v2call(`cookiejar/kept/blobs/uploads/?digest=${digest}`, 'POST', { cookie: s.cookie, 'x-harbor-csrf-token': s.csrf }, layer)
    assert.equal(withCsrf.status, 201)
  })

  test('a page on another site can neither log the user out nor in; the portal (same origin) and non-browser clients can', async () => {
    const s = await portalSession(b, 'admin', ADMIN_PASSWORD)
    const cross = await fetch(`${b.url}/c/log_out`, { headers: { cookie: s.cookie, 'sec-fetch-site': 'cross-site' } })
    assert.equal(cross.status, 403)
    assert.equal(errorCode({ json: await cross.json() }), 'FORBIDDEN')
    assert.equal(cross.headers.get('set-cookie'), null)
    assert.equal((await api(b, '/users/current', { cookie: s.cookie })).status, 200)
    const same = await fetch(`${b.url}/c/log_out`, { headers: { cookie: s.cookie, 'sec-fetch-site': 'same-origin' } })
    assert.equal(same.status, 200)
    assert.equal((await api(b, '/users/current', { cookie: s.cookie })).status, 401)
    // nor can a form on another site log the user in (as someone else)
    const form = await fetch(`${b.url}/c/login`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ principal: 'admin', password: ADMIN_PASSWORD }).toString(),
    })
    assert.equal(form.status, 403)
    assert.equal(form.headers.get('set-cookie'), null)
  })
})

describe('password hashing', () => {
  const COST = `N=2^${PASSWORD_COST.logN},r=${PASSWORD_COST.r},p=${PASSWORD_COST.p}`
  const clock = manualClock()
  let b: InProcessBerth
  before(async () => { b = await startBerth({ clock, passwordCost: PASSWORD_COST }) })
  after(async () => { await b.close() })

  /** scrypt runs at today's cost so far, from /metrics. */
  async function hashesAtCost(): Promise<number> {
    const text = await (await fetch(`${b.url}/metrics`)).text()
    const line = text.split('\n').find((l) => l.startsWith(`berth_password_hashes_total{cost="${COST}"}`))
    return line ? Number(line.split(' ').pop()) : 0
  }

  async function robot(name: string, body: Record<string, unknown> = {}): Promise<{ id: number; name: string; secret: string }> {
    const r = await api(b, '/robots', { method: 'POST', auth: ADMIN_AUTH, body: { name, level: 'system', duration: -1, permissions: [{ kind: 'project', namespace: 'library', access: [{ resource: 'repository', action: 'pull' }] }], ...body } })
    assert.equal(r.status, 201, r.text)
    return r.json
  }

  test("a wrong password costs one check at today's cost whoever is named: known, unknown, passwordless, robots of every state", async () => {
    await createUser(b, 'known', 'Known12345')
    await createUser(b, 'nopass', 'Nopass12345')
    await b.deps.db.updateTable('harbor_user').set({ password: '' }).where('username', '=', 'nopass').execute()
    const live = await robot('live')
    const off = await robot('off', { disable: true })
    const soon = await robot('soon', { duration: 1 })
    clock.advance(2 * 86_400_000) // soon has expired
    // a different address each, so that no throttle wait takes part
    let n = 10
    for (const [username, password] of [
      ['known', 'Wrong12345'], ['nobody', 'Wrong12345'], ['nopass', 'Wrong12345'], ['nopass', ''],
      [live.name, 'Wrong12345'], ['robot$nobody', 'Wrong12345'], [off.name, off.secret], [soon.name, soon.secret],
    ]) {
      const before = await hashesAtCost()
      const res = await requestFrom(`127.0.0.${n++}`, `${b.url}/api/v2.0/users/current`, { headers: { authorization: basic(username!, password!) } })
      assert.equal(res.status, 401, `${username}: ${res.text}`)
      assert.equal(await hashesAtCost(), before + 1, `${username}: exactly one scrypt run at ${COST}`)
    }
  })

  test('a login with a hash of an older cost stores a new hash of today\'s cost; the password keeps working', async () => {
    const { id } = await createUser(b, 'oldtimer', 'Oldtimer123')
    const old = await hashPassword('Oldtimer123', { logN: 14, r: 8, p: 1 })
    await b.deps.db.updateTable('harbor_user').set({ password: old }).where('user_id', '=', id).execute()
    const stored = async () => (await dbRows(b, 'select password from harbor_user where user_id = ?', id))[0]!.password as string
    assert.equal(await stored(), old)
    assert.equal((await portalLogin(b, 'oldtimer', 'Oldtimer123')).status, 200)
    const renewed = await stored()
    assert.match(renewed, new RegExp(`^scrypt\\$${PASSWORD_COST.logN}\\$${PASSWORD_COST.r}\\$${PASSWORD_COST.p}\\$`))
    assert.equal((await portalLogin(b, 'oldtimer', 'Oldtimer123')).status, 200)
    assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: basic('oldtimer', 'Oldtimer123') } })).status, 200)
    assert.equal(await stored(), renewed, 'made anew once, not on every login')
    assert.equal((await portalLogin(b, 'oldtimer', 'Wrong12345')).status, 401)

    const r = await robot('oldbot')
    const oldSecret = await hashPassword(r.secret, { logN: 14, r: 8, p: 1 })
    await b.deps.db.updateTable('robot').set({ secret: oldSecret }).where('id', '=', r.id).execute()
    const secret = async () => (await dbRows(b, 'select secret from robot where id = ?', r.id))[0]!.secret as string
    assert.equal((await fetch(`${b.url}/v2/`, { headers: { authorization: basic(r.name, r.secret) } })).status, 200)
    assert.match(await secret(), new RegExp(`^scrypt\\$${PASSWORD_COST.logN}\\$${PASSWORD_COST.r}\\$${PASSWORD_COST.p}\\$`))
    // the password grant checks the stored hash itself (no credentials cache in between)
    const grant = await fetch(`${b.url}/service/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: r.name, password: r.secret, service: 'harbor-registry' }).toString(),
    })
    assert.equal(grant.status, 200)
  })
})
