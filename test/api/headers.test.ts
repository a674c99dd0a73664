// Response headers every surface owes a browser (nosniff, no framing of pages, no caching of API
// answers), and where Berth takes its own scheme, host and the client's address from: external_url
// or a trusted proxy (http.trusted_proxies), never a header any client may send.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { request as httpRequest } from 'node:http'
import { ADMIN_AUTH, ADMIN_PASSWORD, startBerth, type RunningBerth } from '../helpers/berth.js'
import { auditRows } from '../helpers/api-client.js'

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A request with exactly these headers (fetch will not send a Host of our choosing). */
function raw(b: RunningBerth, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const u = new URL(b.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => { body += d })
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** Parses `Bearer k="v",k2="v2"` as RFC 9110 auth-params (quoted-strings with backslash escapes). */
function parseChallenge(header: string): Record<string, string> {
  const m = /^Bearer (.*)$/s.exec(header)
  assert.ok(m, header)
  const params: Record<string, string> = {}
  let rest = m[1]!
  while (rest.length) {
    const p = /^([A-Za-z]+)="((?:[^"\\]|\\.)*)"(?:,|$)/s.exec(rest)
    assert.ok(p, `cannot parse the challenge at: ${rest}`)
    assert.equal(params[p[1]!], undefined, `${p[1]} given twice in ${header}`)
    params[p[1]!] = p[2]!.replace(/\\(.)/gs, '$1')
    rest = rest.slice(p[0].length)
  }
  return params
}

const realmOf = (r: Raw) => parseChallenge(String(r.headers['www-authenticate'])).realm

const loginForm = `principal=admin&password=${ADMIN_PASSWORD}`
const form = { 'content-type': 'application/x-www-form-urlencoded' }

describe('security headers', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b?.close() })

  test('X-Content-Type-Options: nosniff on every surface, errors and 404s included', async () => {
    for (const path of ['/v2/', '/v2/library/x/blobs/sha256:' + '0'.repeat(64), '/api/v2.0/ping', '/api/v2.0/projects', '/api/v2.0/nope',
      '/service/token', '/c/log_out', '/devcenter-api-2.0', '/devcenter-api-2.0/init.js', '/metrics', '/no/such/path']) {
      const r = await raw(b, path)
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `${path} (${r.status})`)
    }
    const authed = await raw(b, '/api/v2.0/projects', { headers: { authorization: ADMIN_AUTH } })
    assert.equal(authed.headers['x-content-type-options'], 'nosniff')
  })

  test('pages may not be framed: X-Frame-Options DENY and CSP frame-ancestors none on HTML', async () => {
    for (const path of ['/devcenter-api-2.0', '/devcenter-api-2.0/']) {
      const r = await raw(b, path)
      assert.equal(r.status, 200)
      assert.match(String(r.headers['content-type']), /^text\/html/)
      assert.equal(r.headers['x-frame-options'], 'DENY', path)
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/, path)
    }
  })

  test('Cache-Control: no-store on /api/v2.0, /service/token and /c answers, errors included', async () => {
    const cases: Array<[string, { method?: string; headers?: Record<string, string>; body?: string }]> = [
      ['/api/v2.0/projects', { headers: { authorization: ADMIN_AUTH } }],
      ['/api/v2.0/users/current', { headers: { authorization: ADMIN_AUTH } }],
      ['/api/v2.0/users/current', {}],
      ['/api/v2.0/systeminfo', { headers: { authorization: ADMIN_AUTH } }],
      ['/api/v2.0/nope', {}],
      ['/service/token?service=harbor-registry', { headers: { authorization: ADMIN_AUTH } }],
      ['/service/token', { headers: { authorization: 'Basic eDp5' } }],
      ['/c/login', { method: 'POST', headers: form, body: loginForm }],
      ['/c/login', { method: 'POST', headers: form, body: 'principal=admin&password=wrong' }],
    ]
    for (const [path, opts] of cases) {
      const r = await raw(b, path, opts)
      assert.equal(r.headers['cache-control'], 'no-store', `${opts.method ?? 'GET'} ${path} (${r.status})`)
    }
    // static files keep their own caching
    const asset = await raw(b, '/devcenter-api-2.0/swagger-ui.css')
    assert.equal(asset.headers['cache-control'], 'public, max-age=86400')
  })
})

describe('the token realm, the cookie Secure flag and the client address, without a trusted proxy', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth() })
  after(async () => { await b?.close() })

  test("a client's X-Forwarded-Host and X-Forwarded-Proto do not choose the realm", async () => {
    const r = await raw(b, '/v2/', { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } })
    assert.equal(r.status, 401)
    assert.equal(realmOf(r), `${b.url}/service/token`)
  })

  test('a Host header that is not a host cannot break or extend the challenge', async () => {
    for (const host of ['evil.example", error="x', 'a,b', 'a b', 'x/y?z']) {
      const r = await raw(b, '/v2/', { headers: { host } })
      assert.equal(r.status, 401, host)
      const params = parseChallenge(String(r.headers['www-authenticate']))
      assert.deepEqual(Object.keys(params).sort(), ['realm', 'service'], host)
      assert.equal(params.realm, `${b.url}/service/token`, host)
    }
    // an ordinary Host is the one the client used
    const r = await raw(b, '/v2/', { headers: { host: 'registry.example:8443' } })
    assert.equal(realmOf(r), 'http://registry.example:8443/service/token')
  })

  test("the session cookie is not Secure on X-Forwarded-Proto from a client", async () => {
    const r = await raw(b, '/c/login', { method: 'POST', headers: { ...form, 'x-forwarded-proto': 'https' }, body: loginForm })
    assert.equal(r.status, 200)
    assert.doesNotMatch(String(r.headers['set-cookie']), /;\s*Secure/i)
  })

  test("request.ip is the socket's address, whatever X-Forwarded-For says", async () => {
    const r = await raw(b, '/api/v2.0/projects', {
      method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ project_name: 'ipcheck', metadata: { public: 'false' } }),
    })
    assert.equal(r.status, 201, r.body)
    const rows = (await auditRows(b, `operation = 'create' and resource = 'ipcheck'`))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.client_ip, '127.0.0.1')
  })

  test('systeminfo does not take its URLs from X-Forwarded-Host', async () => {
    const r = await raw(b, '/api/v2.0/systeminfo', { headers: { authorization: ADMIN_AUTH, 'x-forwarded-host': 'evil.example' } })
    const info = JSON.parse(r.body)
    assert.equal(info.registry_url, b.host)
    assert.equal(info.external_url, b.url)
  })
})

describe('behind a trusted proxy (http.trusted_proxies)', () => {
  let b: RunningBerth
  // the test client is the proxy
  before(async () => { b = await startBerth({ config: { http: { trusted_proxies: ['127.0.0.0/8'] } } }) })
  after(async () => { await b?.close() })

  test("the proxy's X-Forwarded-Proto and -Host make the realm", async () => {
    const r = await raw(b, '/v2/', { headers: { 'x-forwarded-host': 'registry.example.com', 'x-forwarded-proto': 'https' } })
    assert.equal(realmOf(r), 'https://registry.example.com/service/token')
  })

  test('even from the proxy, a forwarded host that is not a host is not used', async () => {
    const r = await raw(b, '/v2/', { headers: { 'x-forwarded-host': 'x"y', 'x-forwarded-proto': 'https' } })
    const params = parseChallenge(String(r.headers['www-authenticate']))
    assert.deepEqual(Object.keys(params).sort(), ['realm', 'service'])
    assert.equal(params.realm, `https://${b.host}/service/token`)
  })

  test('the session cookie is Secure when the proxy says https', async () => {
    const https = await raw(b, '/c/login', { method: 'POST', headers: { ...form, 'x-forwarded-proto': 'https' }, body: loginForm })
    assert.match(String(https.headers['set-cookie']), /;\s*Secure/i)
    const http = await raw(b, '/c/login', { method: 'POST', headers: form, body: loginForm })
    assert.doesNotMatch(String(http.headers['set-cookie']), /;\s*Secure/i)
  })

  test("request.ip is the proxy's X-Forwarded-For", async () => {
    const r = await raw(b, '/api/v2.0/projects', {
      method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ project_name: 'ipcheck', metadata: { public: 'false' } }),
    })
    assert.equal(r.status, 201, r.body)
    assert.equal((await auditRows(b, `operation = 'create' and resource = 'ipcheck'`))[0]!.client_ip, '203.0.113.9')
  })
})

describe('with external_url', () => {
  let b: RunningBerth
  before(async () => { b = await startBerth({ config: { external_url: 'https://registry.example.com/' } }) })
  after(async () => { await b?.close() })

  test('the realm and the cookie follow external_url, not the request', async () => {
    const r = await raw(b, '/v2/', { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } })
    assert.equal(realmOf(r), 'https://registry.example.com/service/token')
    const login = await raw(b, '/c/login', { method: 'POST', headers: form, body: loginForm })
    assert.equal(login.status, 200)
    assert.match(String(login.headers['set-cookie']), /;\s*Secure/i)
  })
})
