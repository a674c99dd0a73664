import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hashPassword, needsRehash, PASSWORD_COST, scryptRuns, verifyOrSpend, verifyPassword } from './passwords.js'

const runsOf = (label: string) => scryptRuns().get(label) ?? 0

test("the cost is one of OWASP's scrypt settings (N=2^17,r=8,p=1 or an equivalent)", () => {
  const owasp = [[17, 1], [16, 2], [15, 3], [14, 5], [13, 10]]
  assert.equal(PASSWORD_COST.r, 8)
  assert.ok(owasp.some(([logN, p]) => PASSWORD_COST.logN === logN && PASSWORD_COST.p === p), JSON.stringify(PASSWORD_COST))
})

test('a hash records its cost and verifies only its password', async () => {
  const stored = await hashPassword('Harbor12345', PASSWORD_COST)
  assert.match(stored, new RegExp(`^scrypt\\$${PASSWORD_COST.logN}\\$${PASSWORD_COST.r}\\$${PASSWORD_COST.p}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`))
  assert.equal(await verifyPassword('Harbor12345', stored), true)
  assert.equal(await verifyPassword('Harbor12346', stored), false)
  assert.equal(needsRehash(stored, PASSWORD_COST), false)
})

test('hashes of the old cost (2^14, r=8, p=1) still verify, and ask to be made anew', async () => {
  const old = 'scrypt$14$8$1$/7lX96Z2JJ9qvaOqJd4O7Q==$ljV+fbXNwJuqfVzOAaaw8NQz8InGNKMrSladqFw/xhY='
  assert.equal(await verifyPassword('Harbor12345', old), true)
  assert.equal(await verifyPassword('harbor12345', old), false)
  assert.equal(needsRehash(old, PASSWORD_COST), true)
})

test('malformed and empty hashes never verify, and cost no less than a real check', async () => {
  const label = `N=2^${PASSWORD_COST.logN},r=${PASSWORD_COST.r},p=${PASSWORD_COST.p}`
  for (const stored of ['', 'x', 'scrypt$14$8$1$$', 'scrypt$30$8$1$AAAA$AAAA', 'scrypt$20$32$1$AAAA$AAAA', 'bcrypt$1$2$3$4$5', null, undefined]) {
    if (stored) assert.equal(await verifyPassword('Harbor12345', stored), false, stored)
    const before = runsOf(label)
    assert.equal(await verifyOrSpend('Harbor12345', stored, PASSWORD_COST), false, String(stored))
    assert.equal(runsOf(label), before + 1, `one check at today's cost for ${String(stored)}`)
  }
})
