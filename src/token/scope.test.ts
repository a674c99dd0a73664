// parseScope: the token service's parser of client-supplied scopes, fuzzed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseScope } from './service.js'
import { parseBasic } from '../http/auth.js'

test('scopes clients send', () => {
  assert.deepEqual(parseScope('repository:library/alpine:pull'), { type: 'repository', name: 'library/alpine', actions: ['pull'] })
  assert.deepEqual(parseScope('repository:proj/a/b:pull,push'), { type: 'repository', name: 'proj/a/b', actions: ['pull', 'push'] })
  assert.deepEqual(parseScope('repository(plugin):proj/x:pull'), { type: 'repository', name: 'proj/x', actions: ['pull'] })
  assert.deepEqual(parseScope('registry:catalog:*'), { type: 'registry', name: 'catalog', actions: ['*'] })
  // a registry host with a port inside the name keeps its colon in the name
  assert.deepEqual(parseScope('repository:host:5000/proj/x:pull'), { type: 'repository', name: 'host:5000/proj/x', actions: ['pull'] })
  assert.deepEqual(parseScope('repository:p/x:pull,pull'), { type: 'repository', name: 'p/x', actions: ['pull'] })
})

test('malformed scopes are null', () => {
  for (const s of ['', 'repository', 'repository:', 'repository:p/x', ':p/x:pull', 'repository:p/x:', 'REPO:p/x:pull', 'repository::pull', 'repository:p/x:pu ll', 'repository:p/x:pull;rm']) {
    assert.equal(parseScope(s), null, s)
  }
})

test('fuzz: parseScope never throws, and what it accepts is well formed', () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
    const r = parseScope(s)
    if (r === null) return
    assert.match(r.type, /^[a-z0-9]+$/)
    assert.ok(r.name.length > 0)
    assert.ok(r.actions.length > 0 && r.actions.every((a) => /^[a-z*]+$/.test(a)))
    assert.equal(new Set(r.actions).size, r.actions.length)
  }), { numRuns: 3000 })
})

test('fuzz: parseBasic never throws and splits at the first colon', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
    const r = parseBasic(`Basic ${s}`)
    if (r === null) return
    assert.ok(r.username.length > 0 && !r.username.includes(':'))
  }), { numRuns: 3000 })
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 50 }).filter((u) => !u.includes(':')), fc.string({ maxLength: 50 }), (user, password) => {
    const r = parseBasic(`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`)
    assert.deepEqual(r, { username: Buffer.from(user).toString('utf8'), password: Buffer.from(password).toString('utf8') })
  }), { numRuns: 2000 })
})
