import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../errors.js'
import { assertStrips, fieldName, parseBody, positiveId, queryBool, queryStrings } from './request.js'

const request = (parts: { body?: unknown; query?: unknown }) => parts as unknown as FastifyRequest
const badRequest = (fn: () => unknown, pattern?: RegExp) =>
  assert.throws(fn, (err: unknown) => err instanceof AppError && err.code === 'BAD_REQUEST' && (!pattern || pattern.test(err.message)))

describe('parseBody', () => {
  const schema = z.object({ name: z.string(), tags: z.array(z.object({ key: z.string() })).optional() })

  test('drops unknown fields at every depth and keeps known ones', () => {
    assert.deepEqual(parseBody(schema, request({ body: { name: 'a', x: 1, tags: [{ key: 'k', y: 2 }] } })), { name: 'a', tags: [{ key: 'k' }] })
  })

  test('a wrong value names its field', () => {
    badRequest(() => parseBody(schema, request({ body: { name: 'a', tags: [{ key: 5 }] } })), /tags\[0\]\.key/)
    badRequest(() => parseBody(schema, request({ body: [] })), /invalid request body/)
  })

  test('no body: a 400 that says so, unless the schema has a default', () => {
    badRequest(() => parseBody(schema, request({})), /needs a JSON body/)
    assert.deepEqual(parseBody(z.object({ secret: z.string().optional() }).default({}), request({})), {})
  })

  test('refuses schemas that would refuse or keep unknown fields, however deep', () => {
    for (const bad of [
      z.strictObject({}),
      z.looseObject({}),
      z.object({ a: z.array(z.strictObject({})) }),
      z.object({ a: z.record(z.string(), z.strictObject({})).nullish() }),
      z.object({ a: z.union([z.string(), z.object({ b: z.strictObject({}) })]) }),
    ]) {
      assert.throws(() => assertStrips(bad), /z\.object/)
      assert.throws(() => parseBody(bad, request({ body: {} })), /z\.object/)
    }
    assertStrips(z.object({ a: z.array(z.object({ b: z.string().optional() })).nullish() }))
  })
})

describe('queryStrings', () => {
  test('single values pass; a repeated parameter is a 400 naming it', () => {
    assert.deepEqual(queryStrings(request({ query: { q: 'a', page: '1' } })), { q: 'a', page: '1' })
    assert.deepEqual(queryStrings(request({})), {})
    badRequest(() => queryStrings(request({ query: { page: ['1', '2'] } })), /page/)
  })
})

describe('queryBool', () => {
  test("go-openapi's true words, and the plain false ones, in any case", () => {
    for (const v of ['true', 'TRUE', 'True', '1', 't', 'T', 'yes', 'Y', 'on', 'ok', 'enabled', 'checked', 'selected']) assert.equal(queryBool({ b: v }, 'b'), true, v)
    for (const v of ['false', 'FALSE', 'False', '0', 'f', 'F', 'no', 'N', 'off', 'disabled']) assert.equal(queryBool({ b: v }, 'b'), false, v)
  })

  test('absent or empty gives the fallback; anything else is a 400', () => {
    assert.equal(queryBool({}, 'b'), undefined)
    assert.equal(queryBool({ b: '' }, 'b', true), true)
    assert.equal(queryBool({}, 'b', false), false)
    for (const v of ['maybe', '2', ' true', 'truee']) badRequest(() => queryBool({ b: v }, 'b'), /\bb\b/)
  })
})

describe('positiveId', () => {
  test('digits above zero, up to 15 of them', () => {
    assert.equal(positiveId('1', 'id'), 1)
    assert.equal(positiveId('007', 'id'), 7)
    assert.equal(positiveId('999999999999999', 'id'), 999999999999999)
    for (const v of ['0', '-1', '1.5', '1e3', 'abc', '', ' 1', '9999999999999999']) badRequest(() => positiveId(v, 'robot_id'), /robot_id/)
  })
})

describe('fieldName', () => {
  test('dots between names, brackets around indexes', () => {
    assert.equal(fieldName([]), '')
    assert.equal(fieldName(['a']), 'a')
    assert.equal(fieldName(['permissions', 0, 'access', 2, 'action']), 'permissions[0].access[2].action')
  })
})
