// Robots hold exactly their listed permissions; '*' stands for any resource or action.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Deps } from '../deps.js'
import type { Principal, RobotPermission } from '../iam/principal.js'
import { can, canSystem } from './evaluate.js'
import { roleAllows, publicAllows, ROLE_IDS } from './roles.js'

const robot = (permissions: RobotPermission[]): Principal => ({ kind: 'robot', id: 1, name: 'r', projectId: 0, credentialVersion: 0, permissions })
const project = { id: 7, name: 'team', public: false }
const noDeps = {} as Deps // robots and anonymous callers never touch the database

test('a project robot: its namespace, its actions, nothing else', async () => {
  const r = robot([{ kind: 'project', namespace: 'team', projectId: 7, resource: 'repository', action: 'pull' }])
  assert.equal(await can(noDeps, r, project, 'repository', 'pull'), true)
  assert.equal(await can(noDeps, r, project, 'repository', 'push'), false)
  assert.equal(await can(noDeps, r, { ...project, name: 'other', id: 8 }, 'repository', 'pull'), false)
  assert.equal(canSystem(r, 'catalog', 'read'), false)
})

test('a project permission is bound to the project id, not its name: a namesake project gets nothing', async () => {
  const r = robot([{ kind: 'project', namespace: 'team', projectId: 7, resource: '*', action: '*' }])
  assert.equal(await can(noDeps, r, { ...project, id: 9 }, 'repository', 'pull'), false)
})

test("wildcards: namespace '*', resource '*' and action '*'", async () => {
  const r = robot([{ kind: 'project', namespace: '*', projectId: 0, resource: '*', action: '*' }, { kind: 'system', namespace: '/', projectId: 0, resource: '*', action: 'read' }])
  assert.equal(await can(noDeps, r, project, 'artifact', 'delete'), true)
  assert.equal(canSystem(r, 'catalog', 'read'), true)
  assert.equal(canSystem(r, 'user', 'create'), false)
})

test('anonymous: public projects, read-only', async () => {
  assert.equal(await can(noDeps, { kind: 'anonymous' }, { ...project, public: true }, 'repository', 'pull'), true)
  assert.equal(await can(noDeps, { kind: 'anonymous' }, { ...project, public: true }, 'repository', 'push'), false)
  assert.equal(await can(noDeps, { kind: 'anonymous' }, project, 'repository', 'pull'), false)
})

test("Harbor's matrix at its edges", () => {
  assert.equal(roleAllows(ROLE_IDS.developer, 'repository', 'push'), true)
  assert.equal(roleAllows(ROLE_IDS.developer, 'artifact', 'delete'), false)
  assert.equal(roleAllows(ROLE_IDS.maintainer, 'artifact', 'delete'), true)
  assert.equal(roleAllows(ROLE_IDS.maintainer, 'member', 'create'), false)
  assert.equal(roleAllows(ROLE_IDS.projectAdmin, 'member', 'create'), true)
  assert.equal(roleAllows(ROLE_IDS.guest, 'repository', 'push'), false)
  assert.equal(roleAllows(ROLE_IDS.limitedGuest, 'repository', 'pull'), true)
  assert.equal(roleAllows(ROLE_IDS.limitedGuest, 'member', 'list'), false)
  assert.equal(publicAllows('repository', 'push'), false)
})
