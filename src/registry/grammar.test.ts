import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type ErrorCode } from '../errors.js'
import { assertDigest, digestAlgorithm, isDigest, isTag, isValidName, MAX_NAME_LENGTH, parseLookupReference, parseReference, parseRepositoryName } from './grammar.js'

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`
const SHA512 = `sha512:${'0123456789abcdef'.repeat(8)}`

function throwsCode(fn: () => unknown, code: ErrorCode, what: string) {
  assert.throws(fn, (err: unknown) => err instanceof AppError && err.code === code, `${what} should throw ${code}`)
}

describe('repository names', () => {
  const valid = [
    'library/ubuntu',
    'a/b',
    'p/a/b/c/d',
    'my-project/my.repo',
    'proj/under_score',
    'proj/double__underscore',
    'proj/many---dashes',
    'proj0/9',
    'p.q/x',
    'p_q/x',
    'p-q/x',
  ]
  for (const name of valid) {
    test(`accepts ${name}`, () => {
      assert.ok(isValidName(name))
      assert.deepEqual(parseRepositoryName(name), { repository: name, project: name.slice(0, name.indexOf('/')) })
    })
  }

  const invalidGrammar = [
    '', 'Library/ubuntu', 'library/Ubuntu', '/library/ubuntu', 'library/ubuntu/', 'library//ubuntu',
    'library/../etc', 'library/./x', 'library/-x', 'library/x-', 'library/.x', 'library/x.', 'library/_x', 'library/x_',
    'library/a___b', 'library/a..b', 'library/a.-b', 'library/a b', 'library/a:b', 'library/a@b', 'library/ü', 'library/a%2fb',
    'library/a\nb', 'library\\ubuntu',
  ]
  for (const name of invalidGrammar) {
    test(`refuses ${JSON.stringify(name)} (spec grammar)`, () => {
      assert.equal(isValidName(name), false)
      throwsCode(() => parseRepositoryName(name), 'NAME_INVALID', JSON.stringify(name))
    })
  }

  test('a name without a project component is refused even though the grammar allows it', () => {
    assert.ok(isValidName('ubuntu'))
    throwsCode(() => parseRepositoryName('ubuntu'), 'NAME_INVALID', 'ubuntu')
  })

  test("Harbor's project rule: no doubled separators in the first component", () => {
    for (const name of ['a__b/x', 'a--b/x', 'a---b/x']) {
      assert.ok(isValidName(name), `${name} passes the spec grammar`)
      throwsCode(() => parseRepositoryName(name), 'NAME_INVALID', name)
    }
    // the rule is for the project only
    assert.equal(parseRepositoryName('a-b/x__y').project, 'a-b')
  })

  test(`at most ${MAX_NAME_LENGTH} characters`, () => {
    const longest = `p/${'a'.repeat(MAX_NAME_LENGTH - 2)}`
    assert.equal(longest.length, 255)
    assert.ok(isValidName(longest))
    assert.equal(parseRepositoryName(longest).repository, longest)
    const tooLong = `${longest}a`
    assert.equal(isValidName(tooLong), false)
    throwsCode(() => parseRepositoryName(tooLong), 'NAME_INVALID', 'a 256-character name')
  })
})

describe('tags', () => {
  test('accepts the spec grammar', () => {
    for (const tag of ['latest', 'v1.0.0', '_', 'A', '0', 'a-b_c.d', 'UPPER', 'x'.repeat(128), '_.-']) assert.ok(isTag(tag), tag)
  })
  test('refuses the rest', () => {
    for (const tag of ['', '.hidden', '-dash', 'x'.repeat(129), 'a/b', 'a:b', 'a@b', 'a b', 'é', 'a+b']) assert.equal(isTag(tag), false, tag)
  })
})

describe('digests', () => {
  test('sha256 and sha512 in lower-case hex', () => {
    assert.ok(isDigest(SHA256))
    assert.ok(isDigest(SHA512))
    assert.equal(assertDigest(SHA256), SHA256)
    assert.equal(assertDigest(SHA512), SHA512)
    assert.equal(digestAlgorithm(SHA256), 'sha256')
    assert.equal(digestAlgorithm(SHA512), 'sha512')
  })

  const bad = [
    ['upper-case hex', SHA256.toUpperCase().replace('SHA256', 'sha256')],
    ['one upper-case digit', `${SHA256.slice(0, -1)}F`],
    ['upper-case algorithm', SHA256.replace('sha256', 'SHA256')],
    ['sha256 too short', SHA256.slice(0, -1)],
    ['sha256 too long', `${SHA256}0`],
    ['sha256 with a sha512 length', `sha256:${'0'.repeat(128)}`],
    ['sha512 with a sha256 length', `sha512:${'0'.repeat(64)}`],
    ['sha384', `sha384:${'0'.repeat(96)}`],
    ['md5', `md5:${'0'.repeat(32)}`],
    ['blake3', `blake3:${'0'.repeat(64)}`],
    ['non-hex', `sha256:${'g'.repeat(64)}`],
    ['no algorithm', `:${'0'.repeat(64)}`],
    ['no hex', 'sha256:'],
    ['no colon', `sha256${'0'.repeat(64)}`],
    ['trailing newline', `${SHA256}\n`],
    ['empty', ''],
  ] as const
  for (const [what, digest] of bad) {
    test(`refuses ${what}`, () => {
      assert.equal(isDigest(digest), false)
      throwsCode(() => assertDigest(digest), 'DIGEST_INVALID', what)
    })
  }
})

describe('parseReference', () => {
  test('a tag', () => assert.deepEqual(parseReference('latest'), { tag: 'latest' }))
  test('a sha256 digest', () => assert.deepEqual(parseReference(SHA256), { digest: SHA256 }))
  test('a sha512 digest', () => assert.deepEqual(parseReference(SHA512), { digest: SHA512 }))
  test('a digest-shaped reference with upper-case hex is DIGEST_INVALID, not a tag', () => {
    throwsCode(() => parseReference(`sha256:${'A'.repeat(64)}`), 'DIGEST_INVALID', 'upper-case hex')
  })
  test('an unsupported algorithm is DIGEST_INVALID', () => {
    throwsCode(() => parseReference(`sha384:${'0'.repeat(96)}`), 'DIGEST_INVALID', 'sha384')
    throwsCode(() => parseReference(`md5:${'0'.repeat(32)}`), 'DIGEST_INVALID', 'md5')
  })
  test('anything else is TAG_INVALID', () => {
    for (const ref of ['', '.x', '-x', 'a/b', 'x'.repeat(129), 'a b', 'sha256:', ':x', 'a:b:c']) {
      throwsCode(() => parseReference(ref), 'TAG_INVALID', JSON.stringify(ref))
    }
  })
})

describe('parseLookupReference (reads and deletes)', () => {
  test('tags and digests as parseReference', () => {
    assert.deepEqual(parseLookupReference('latest'), { tag: 'latest' })
    assert.deepEqual(parseLookupReference(SHA256), { digest: SHA256 })
  })
  test('neither a tag nor digest-shaped names no manifest: MANIFEST_UNKNOWN, as distribution answers', () => {
    for (const ref of ['.INVALID_MANIFEST_NAME', '', '.x', '-x', 'x'.repeat(129), 'a b', 'sha256:', ':x', 'a:b:c']) {
      throwsCode(() => parseLookupReference(ref), 'MANIFEST_UNKNOWN', JSON.stringify(ref))
    }
  })
  test('a malformed digest is still DIGEST_INVALID', () => {
    throwsCode(() => parseLookupReference('sha256:totallywrong'), 'DIGEST_INVALID', 'sha256:totallywrong')
    throwsCode(() => parseLookupReference(`sha256:${'A'.repeat(64)}`), 'DIGEST_INVALID', 'upper-case hex')
  })
})

describe('fuzz', () => {
  // Strings made mostly of the characters the grammars care about, so accepted inputs turn up often.
  const nameChar = fc.constantFrom(...'ab09._-/'.split(''), ...'ab0/'.split(''), 'A', ':', '@', '%', ' ', '\\', '\u00e9', '\n', '\u0000')
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9]{1,4}$/) },
    fc.constantFrom('.', '_', '__', '___', '-', '--', '/', '//', '..', './', 'A', ':', '%2e', ' '),
  )
  const nameLike = fc.oneof(
    { weight: 3, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')) },
    fc.string({ unit: nameChar, maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('a', 'b', '0', '.', '_', '-', '/'), minLength: 200, maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  )
  const refChar = fc.constantFrom(...'aZ09._-:'.split(''), 'sha256:', 'sha512:', '0123456789abcdef', 'ABCDEF', '/', '@', '+', ' ')
  const refLike = fc.oneof(
    fc.string({ unit: refChar, maxLength: 60 }),
    fc.stringMatching(/^(sha256|sha512|md5|SHA256):[0-9a-fA-F]{30,130}$/),
    fc.string({ unit: 'binary', maxLength: 140 }),
  )

  function onlyAppError(fn: () => unknown, codes: ErrorCode[]) {
    try {
      fn()
    } catch (err) {
      if (!(err instanceof AppError)) throw new Error(`threw a non-AppError: ${String(err)}`)
      if (!codes.includes(err.code)) throw new Error(`unexpected code ${err.code}`)
    }
  }

  test('parseRepositoryName throws only NAME_INVALID; accepted names are clean', () => {
    let accepted = 0
    fc.assert(fc.property(nameLike, (name) => {
      onlyAppError(() => parseRepositoryName(name), ['NAME_INVALID'])
      if (!isValidName(name)) return
      accepted++
      assert.ok(name.length >= 1 && name.length <= 255)
      assert.ok(!name.includes('..'), name)
      assert.ok(!name.includes('//'), name)
      assert.equal(name, name.toLowerCase())
      assert.match(name, /^[a-z0-9]/)
      assert.match(name, /[a-z0-9]$/)
      for (const run of name.match(/[^a-z0-9]+/g) ?? []) assert.match(run, /^(?:\.|_|__|\/|-+)$/, `separator run in ${name}`)
      for (const component of name.split('/')) assert.match(component, /^[a-z0-9](?:.*[a-z0-9])?$/, `component of ${name}`)
    }), { numRuns: 3000 })
    assert.ok(accepted > 200, `the generator should hit valid names (got ${accepted})`)
  })

  test('generated spec-grammar names with a project are accepted', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,5}(?:(?:\.|_|__|-{1,3})[a-z0-9]{1,5}){0,3}$/)
    const project = fc.stringMatching(/^[a-z0-9]{1,5}(?:[._-][a-z0-9]{1,5}){0,3}$/)
    fc.assert(fc.property(project, fc.array(component, { minLength: 1, maxLength: 4 }), (p, rest) => {
      const name = [p, ...rest].join('/')
      fc.pre(name.length <= 255)
      assert.deepEqual(parseRepositoryName(name), { repository: name, project: p })
    }), { numRuns: 1000 })
  })

  test('parseReference throws only TAG_INVALID or DIGEST_INVALID, and agrees with isTag/isDigest', () => {
    fc.assert(fc.property(refLike, (ref) => {
      let result: ReturnType<typeof parseReference> | undefined
      onlyAppError(() => { result = parseReference(ref) }, ['TAG_INVALID', 'DIGEST_INVALID'])
      if (result?.tag !== undefined) {
        assert.ok(isTag(ref))
        assert.equal(result.tag, ref)
      } else if (result?.digest !== undefined) {
        assert.ok(isDigest(ref))
        assert.equal(result.digest, ref)
        assert.equal(ref, ref.toLowerCase())
      } else {
        assert.ok(!isTag(ref) && !isDigest(ref))
      }
    }), { numRuns: 3000 })
  })

  test('parseLookupReference throws only MANIFEST_UNKNOWN or DIGEST_INVALID, and accepts what parseReference accepts', () => {
    fc.assert(fc.property(refLike, (ref) => {
      let lookup: ReturnType<typeof parseLookupReference> | undefined
      onlyAppError(() => { lookup = parseLookupReference(ref) }, ['MANIFEST_UNKNOWN', 'DIGEST_INVALID'])
      let write: ReturnType<typeof parseReference> | undefined
      onlyAppError(() => { write = parseReference(ref) }, ['TAG_INVALID', 'DIGEST_INVALID'])
      assert.deepEqual(lookup, write)
    }), { numRuns: 3000 })
  })

  test('assertDigest throws only DIGEST_INVALID and accepts only sha256/sha512 lower hex', () => {
    fc.assert(fc.property(refLike, (value) => {
      let ok = false
      onlyAppError(() => { assertDigest(value); ok = true }, ['DIGEST_INVALID'])
      if (ok) assert.match(value, /^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/)
    }), { numRuns: 3000 })
  })
})
