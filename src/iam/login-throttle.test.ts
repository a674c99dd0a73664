import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addressScope } from './login-throttle.js'

test('an IPv4 address is its own scope; IPv6 addresses share their /64', () => {
  assert.equal(addressScope('203.0.113.7'), '203.0.113.7')
  assert.equal(addressScope('::ffff:203.0.113.7'), '203.0.113.7')
  assert.equal(addressScope('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64')
  assert.equal(addressScope('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64')
  assert.equal(addressScope('2001:db8::1'), '2001:db8:0:0::/64')
  assert.equal(addressScope('2001:db8:1:2::ffff:1.2.3.4'), '2001:db8:1:2::/64')
  assert.equal(addressScope('fe80::1%eth0'), 'fe80:0:0:0::/64')
  assert.equal(addressScope('::1'), '0:0:0:0::/64')
})
