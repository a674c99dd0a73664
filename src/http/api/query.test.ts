import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { MAX_QUERY_LENGTH, parseQuery, parseSort, QueryError, type Condition, type Query } from './query.js'

const FIELDS = { name: 'string', size: 'number', pulled: 'boolean', creation_time: 'time' } as const
type Fields = typeof FIELDS

const t = (iso: string) => new Date(iso)

function assertQueryError(fn: () => unknown, parameter: 'q' | 'sort' = 'q') {
  assert.throws(fn, (err: unknown) => err instanceof QueryError && err.parameter === parameter && err.message.length > 0)
}

describe('parseQuery', () => {
  const good: Array<[string | undefined, Query<Fields>]> = [
    [undefined, {}],
    ['', {}],
    // the swagger's and builder.go's examples
    ['name=library', { name: { kind: 'exact', value: 'library' } }],
    ['name=~lib', { name: { kind: 'fuzzy', value: 'lib' } }],
    ['size=[1~10]', { size: { kind: 'range', min: 1, max: 10 } }],
    ['size=[ 1 ~ ]', { size: { kind: 'range', min: 1 } }],
    ['size=[~-10]', { size: { kind: 'range', max: -10 } }],
    ['name={a b c}', { name: { kind: 'or', values: ['a', 'b', 'c'] } }],
    ['name=(a b c)', { name: { kind: 'and', values: ['a', 'b', 'c'] } }],
    ['name={  a   b }', { name: { kind: 'or', values: ['a', 'b'] } }],
    ['size={1 2 3}', { size: { kind: 'or', values: [1, 2, 3] } }],
    ['pulled=true', { pulled: { kind: 'exact', value: true } }],
    ['pulled={true false}', { pulled: { kind: 'or', values: [true, false] } }],
    [
      'name=~lib,size=[1~10],pulled=false',
      { name: { kind: 'fuzzy', value: 'lib' }, size: { kind: 'range', min: 1, max: 10 }, pulled: { kind: 'exact', value: false } },
    ],
    // times: Harbor's layout (UTC), the swagger's, and ISO with a zone
    ['creation_time=2020-04-09T02:36:00', { creation_time: { kind: 'exact', value: t('2020-04-09T02:36:00Z') } }],
    ['creation_time=2020-04-09 02:36:00', { creation_time: { kind: 'exact', value: t('2020-04-09T02:36:00Z') } }],
    // "+" would be a space once q is decoded again (as in Harbor): a zone's plus is sent as %2B
    ['creation_time=2020-04-09T02:36:00.5%2B02:00', { creation_time: { kind: 'exact', value: t('2020-04-09T00:36:00.500Z') } }],
    [
      'creation_time=[2020-04-09T02:36:00~2021-01-01T00:00:00Z]',
      { creation_time: { kind: 'range', min: t('2020-04-09T02:36:00Z'), max: t('2021-01-01T00:00:00Z') } },
    ],
    ['creation_time=[0001-01-01T00:00:00~]', { creation_time: { kind: 'range', min: t('0001-01-01T00:00:00Z') } }],
    // quotes in ranges and lists, not in exact values (Harbor keeps those)
    ['name=["a"~\'b c\']', { name: { kind: 'range', min: 'a', max: 'b c' } }],
    ['name={"a" \'1\' "" b"}', { name: { kind: 'or', values: ['a', '1', '', 'b"'] } }],
    ['size={"5"}', { size: { kind: 'or', values: [5] } }],
    ['name="a"', { name: { kind: 'exact', value: '"a"' } }],
    // a string field keeps digits and times as strings
    ['name=123', { name: { kind: 'exact', value: '123' } }],
    ['name={2020-04-09T02:36:00 7}', { name: { kind: 'or', values: ['2020-04-09T02:36:00', '7'] } }],
    // a leading backslash lets an exact value start with a pattern character
    ['name=\\~x', { name: { kind: 'exact', value: '~x' } }],
    ['name=\\[1~2]', { name: { kind: 'exact', value: '[1~2]' } }],
    ['name=\\\\x', { name: { kind: 'exact', value: '\\x' } }],
    ['name=\\', { name: { kind: 'exact', value: '' } }],
    // only the first "=" splits; the rest is value
    ['name=a=b', { name: { kind: 'exact', value: 'a=b' } }],
    ['name=~~', { name: { kind: 'fuzzy', value: '~' } }],
    ['name= a ', { name: { kind: 'exact', value: ' a ' } }],
    ['name={a} b}', { name: { kind: 'or', values: ['a}', 'b'] } }],
    ['size=0', { size: { kind: 'exact', value: 0 } }],
    ['size=-0', { size: { kind: 'exact', value: 0 } }],
    [`size=${Number.MAX_SAFE_INTEGER}`, { size: { kind: 'exact', value: Number.MAX_SAFE_INTEGER } }],
    ['size=[ 7 ~ 8 ]', { size: { kind: 'range', min: 7, max: 8 } }],
    // q is URL-decoded once more after the query string, as Harbor's parseKeywords does
    ['name=%7Eapp', { name: { kind: 'fuzzy', value: 'app' } }],
    ['name%3D%7Eapp', { name: { kind: 'fuzzy', value: 'app' } }],
    ['name=a+b', { name: { kind: 'exact', value: 'a b' } }],
    ['name=caf%C3%A9', { name: { kind: 'exact', value: 'café' } }],
    ['name=%7Ba%20b%7D,size=%5B1~2%5D', { name: { kind: 'or', values: ['a', 'b'] }, size: { kind: 'range', min: 1, max: 2 } }],
    ['name=%2525', { name: { kind: 'exact', value: '%25' } }],
    ['name=%FF', { name: { kind: 'exact', value: '\ufffd' } }],
    // a value that does not decode is used as it is (Harbor logs it and goes on)
    ['name=100%', { name: { kind: 'exact', value: '100%' } }],
    ['name=%zz+a', { name: { kind: 'exact', value: '%zz+a' } }],
    ['name=%7', { name: { kind: 'exact', value: '%7' } }],
    ['name=~\ud800%', { name: { kind: 'fuzzy', value: '\ud800%' } }],
  ]
  for (const [q, expected] of good) {
    test(`${JSON.stringify(q)}`, () => {
      assert.deepEqual(parseQuery(q, FIELDS), expected)
    })
  }

  const bad: Array<[string, string]> = [
    ['name', 'no "="'],
    ['=x', 'empty key'],
    ['name=', 'empty value'],
    ['name=a,', 'empty item'],
    [',name=a', 'empty item'],
    ['name=a,,size=1', 'empty item'],
    ['tag=x', 'unknown key'],
    ['Name=x', 'keys are case-sensitive'],
    ['name =x', 'a space is part of the key'],
    ['__proto__=x', 'inherited key'],
    ['constructor=x', 'inherited key'],
    ['toString=x', 'inherited key'],
    ['name=a,name=b', 'duplicated key'],
    ['name=a,size=1,name=~b', 'duplicated key'],
    ['name=~', 'fuzzy without value'],
    ['size=~1', 'fuzzy on a number'],
    ['pulled=~t', 'fuzzy on a boolean'],
    ['creation_time=~2020', 'fuzzy on a time'],
    ['name=[', 'range not closed'],
    ['name=[a~b', 'range not closed'],
    ['name=[ab]', 'range without "~"'],
    ['name=[a~b~c]', 'range with two "~"'],
    ['name=[~]', 'range without bounds'],
    ['name=[ ~ ]', 'range without bounds'],
    ['name=[a~b]]~', 'range not ending in "]"'],
    ['pulled=[true~false]', 'range on a boolean'],
    ['size=[a~2]', 'range bound not a number'],
    ['name={', 'list not closed'],
    ['name={a b', 'list not closed'],
    ['name={a b)', 'mismatched brackets'],
    ['name=(a b}', 'mismatched brackets'],
    ['name={}', 'empty list'],
    ['name=(   )', 'empty list'],
    ['size={1 x}', 'list item not a number'],
    ['pulled={true yes}', 'list item not a boolean'],
    ['size=1.5', 'not an integer'],
    ['size=1e3', 'not an integer'],
    ['size=0x10', 'not an integer'],
    ['size=+1', 'not an integer'],
    ['size=abc', 'not a number'],
    ['size= 7', 'exact values are not trimmed'],
    [`size=${Number.MAX_SAFE_INTEGER + 1}`, 'beyond a safe integer'],
    ['size=99999999999999999999999', 'beyond a safe integer'],
    ['pulled=True', 'booleans are lower case'],
    ['pulled=1', 'not a boolean'],
    ['creation_time=2020-04-09', 'date without time'],
    ['creation_time=2020-02-30T00:00:00', 'no such day'],
    ['creation_time=2020-04-09T24:00:00', 'no such hour'],
    ['creation_time=2020-04-09T12:60:00', 'no such minute'],
    ['creation_time=2020-04-09T12:00:60', 'no such second'],
    ['creation_time=2020-13-01T00:00:00', 'no such month'],
    ['creation_time=2020-04-09T12:00:00+24:00', 'no such zone'],
    ['creation_time=2020-04-09T02:36:00+02:00', '"+" is a space once decoded'],
    ['name=a%2Cb', 'a comma decoded separates items, as in Harbor'],
    ['name%3D', 'empty value once decoded'],
    ['%3D', 'empty key and value once decoded'],
    ['creation_time=1586399760', 'epoch seconds'],
    [`name=${'x'.repeat(MAX_QUERY_LENGTH - 4)}`, 'longer than 1024'],
  ]
  for (const [q, why] of bad) {
    test(`rejects ${JSON.stringify(q.length > 60 ? `${q.slice(0, 60)}…` : q)} (${why})`, () => {
      assertQueryError(() => parseQuery(q, FIELDS))
    })
  }

  test('accepts exactly 1024 characters', () => {
    const q = `name=${'x'.repeat(MAX_QUERY_LENGTH - 5)}`
    assert.equal(q.length, MAX_QUERY_LENGTH)
    assert.deepEqual(parseQuery(q, FIELDS), { name: { kind: 'exact', value: 'x'.repeat(MAX_QUERY_LENGTH - 5) } })
  })

  test('a declared key named __proto__ becomes an own property, never the prototype', () => {
    const fields = JSON.parse('{"__proto__":"string"}') as Record<string, 'string'>
    const query = parseQuery('__proto__=x', fields)
    assert.equal(Object.getPrototypeOf(query), Object.prototype)
    assert.deepEqual(Object.getOwnPropertyDescriptor(query, '__proto__')?.value, { kind: 'exact', value: 'x' })
  })

  test('the result is typed by the fields', () => {
    const query = parseQuery('size=3', FIELDS)
    const size: Condition<number> | undefined = query.size
    const when: Condition<Date> | undefined = query.creation_time
    // @ts-expect-error: not a declared field
    void query.other
    assert.deepEqual(size, { kind: 'exact', value: 3 })
    assert.equal(when, undefined)
  })
})

describe('parseSort', () => {
  const SORTABLE = ['name', 'creation_time', 'update_time']
  const good: Array<[string | undefined, ReturnType<typeof parseSort>]> = [
    [undefined, []],
    ['', []],
    ['name', [{ field: 'name', desc: false }]],
    ['-creation_time', [{ field: 'creation_time', desc: true }]],
    [
      '-creation_time,name',
      [
        { field: 'creation_time', desc: true },
        { field: 'name', desc: false },
      ],
    ],
    [
      'update_time,-name,creation_time',
      [
        { field: 'update_time', desc: false },
        { field: 'name', desc: true },
        { field: 'creation_time', desc: false },
      ],
    ],
  ]
  for (const [sort, expected] of good) {
    test(`${JSON.stringify(sort)}`, () => assert.deepEqual(parseSort(sort, SORTABLE), expected))
  }
  const bad = ['size', '-', '--name', '+name', ' name', 'name,', ',name', 'name,,creation_time', 'name,-name', 'name,name', 'Name', `${'name,'.repeat(205)}x`]
  for (const sort of bad) {
    test(`rejects ${JSON.stringify(sort.length > 40 ? `${sort.slice(0, 40)}…` : sort)}`, () => {
      assertQueryError(() => parseSort(sort, SORTABLE), 'sort')
    })
  }
  test('the field type narrows to the sortable names', () => {
    const [first] = parseSort('-name', ['name', 'size'] as const)
    const field: 'name' | 'size' | undefined = first?.field
    assert.equal(field, 'name')
  })
})

// --- fuzzing ---

/** Strings drawn from the grammar's own characters, so the fuzzer reaches every branch. */
const grammarString = fc
  .array(
    fc.oneof(
      fc.constantFrom('name', 'size', 'pulled', 'creation_time', 'tag', '=', '=~', ',', '~', '[', ']', '{', '}', '(', ')', ' ', '"', "'", '\\'),
      fc.constantFrom('1', '-2', 'true', 'false', 'a', '2020-04-09T02:36:00', '2020-04-09 02:36:00Z', '__proto__', '9007199254740993'),
      fc.string({ maxLength: 3, unit: 'binary' }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

describe('parseQuery and parseSort, fuzzed', () => {
  test('random input either parses to declared keys or throws QueryError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 1100 }), grammarString, fc.string({ unit: 'binary-ascii' })), (q) => {
        try {
          const query = parseQuery(q, FIELDS)
          for (const key of Object.keys(query)) assert.ok(Object.hasOwn(FIELDS, key), key)
        } catch (err) {
          if (!(err instanceof QueryError) || err.parameter !== 'q') throw err
        }
        try {
          const sorts = parseSort(q, Object.keys(FIELDS))
          assert.equal(new Set(sorts.map((s) => s.field)).size, sorts.length)
        } catch (err) {
          if (!(err instanceof QueryError) || err.parameter !== 'sort') throw err
        }
      }),
      { numRuns: 5000 },
    )
  })

  test('every condition holds values of its field type', () => {
    fc.assert(
      fc.property(grammarString, (q) => {
        let query: Query<Fields>
        try {
          query = parseQuery(q, FIELDS)
        } catch (err) {
          if (err instanceof QueryError) return
          throw err
        }
        for (const [key, cond] of Object.entries(query) as Array<[keyof Fields, Condition]>) {
          const values =
            cond.kind === 'range' ? [cond.min, cond.max].filter((v) => v !== undefined) : cond.kind === 'or' || cond.kind === 'and' ? cond.values : [cond.value]
          for (const v of values) {
            switch (FIELDS[key]) {
              case 'string':
                assert.equal(typeof v, 'string')
                break
              case 'number':
                assert.ok(Number.isSafeInteger(v))
                break
              case 'boolean':
                assert.equal(typeof v, 'boolean')
                break
              case 'time':
                assert.ok(v instanceof Date && !Number.isNaN(v.getTime()))
                break
            }
          }
        }
      }),
      { numRuns: 5000 },
    )
  })

  // Generated queries, written out in the syntax, parse back to themselves.
  const noComma = (s: string) => !s.includes(',')
  const exactString = fc.string({ minLength: 1, unit: 'binary' }).filter(noComma)
  const boundString = fc.string({ unit: 'binary' }).filter((s) => noComma(s) && !s.includes('~'))
  const itemString = fc.string({ unit: 'binary' }).filter((s) => noComma(s) && !s.includes(' '))
  const int = fc.maxSafeInteger().map((n) => (n === 0 ? 0 : n))
  const date = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })

  function conditions<T>(value: fc.Arbitrary<T>, bound: fc.Arbitrary<T>, item: fc.Arbitrary<T>, opts: { fuzzy: boolean; range: boolean }) {
    const list = fc.array(item, { minLength: 1, maxLength: 5 })
    const arbs: Array<fc.Arbitrary<Condition<T>>> = [
      value.map((v) => ({ kind: 'exact' as const, value: v })),
      list.map((values) => ({ kind: 'or' as const, values })),
      list.map((values) => ({ kind: 'and' as const, values })),
    ]
    if (opts.fuzzy) arbs.push(exactString.map((v) => ({ kind: 'fuzzy' as const, value: v })))
    if (opts.range) {
      arbs.push(
        fc
          .record({ min: bound, max: bound }, { requiredKeys: [], noNullPrototype: true })
          .filter((r) => 'min' in r || 'max' in r)
          .map((r) => ({ kind: 'range' as const, ...r })),
      )
    }
    return fc.oneof(...arbs)
  }

  const queryArb = fc.record(
    {
      name: conditions(exactString, boundString, itemString, { fuzzy: true, range: true }),
      size: conditions(int, int, int, { fuzzy: false, range: true }),
      pulled: conditions(fc.boolean(), fc.boolean(), fc.boolean(), { fuzzy: false, range: false }),
      creation_time: conditions(date, date, date, { fuzzy: false, range: true }),
    },
    { requiredKeys: [], noNullPrototype: true },
  ) as fc.Arbitrary<Query<Fields>>

  function write(key: keyof Fields, cond: Condition, style: { space: boolean; pad: boolean }): string {
    const scalar = (v: unknown, quoted: boolean): string => {
      if (v instanceof Date) return v.toISOString()
      if (typeof v === 'string') return quoted ? `"${v}"` : v
      return String(v)
    }
    const p = style.pad ? ' ' : ''
    switch (cond.kind) {
      case 'exact': {
        const v = cond.value
        if (typeof v === 'string') return `${key}=${/^[~[{(\\]/.test(v) ? '\\' : ''}${v}`
        if (v instanceof Date && style.space) return `${key}=${v.toISOString().replace('T', ' ')}`
        return `${key}=${scalar(v, false)}`
      }
      case 'fuzzy':
        return `${key}=~${cond.value}`
      case 'range':
        return `${key}=[${p}${cond.min === undefined ? '' : scalar(cond.min, true)}${p}~${p}${cond.max === undefined ? '' : scalar(cond.max, true)}${p}]`
      case 'or':
        return `${key}={${p}${cond.values.map((v) => scalar(v, true)).join(style.pad ? '  ' : ' ')}${p}}`
      case 'and':
        return `${key}=(${p}${cond.values.map((v) => scalar(v, true)).join(' ')}${p})`
    }
  }

  test('round-trips generated queries', () => {
    fc.assert(
      fc.property(queryArb, fc.boolean(), fc.boolean(), fc.nat(), (query, space, pad, seed) => {
        const entries = Object.entries(query) as Array<[keyof Fields, Condition]>
        // any order of items
        const rotated = entries.slice(seed % (entries.length || 1)).concat(entries.slice(0, seed % (entries.length || 1)))
        // q is URL-decoded once more (Harbor's parseKeywords): a literal "%" or "+" travels escaped
        const q = rotated.map(([k, c]) => write(k, c, { space, pad })).join(',').replace(/[%+]/g, (c) => (c === '%' ? '%25' : '%2B'))
        fc.pre(q.length <= MAX_QUERY_LENGTH)
        assert.deepEqual(parseQuery(q, FIELDS), query)
      }),
      { numRuns: 3000 },
    )
  })

  test('round-trips generated sorts', () => {
    const fields = ['name', 'size', 'creation_time', 'update_time', 'a-b']
    fc.assert(
      fc.property(fc.shuffledSubarray(fields), fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }), (picked, descs) => {
        const expected = picked.map((field, i) => ({ field, desc: descs[i] ?? false }))
        const sort = expected.map((s) => `${s.desc ? '-' : ''}${s.field}`).join(',')
        assert.deepEqual(parseSort(sort, fields), expected)
      }),
    )
  })
})
