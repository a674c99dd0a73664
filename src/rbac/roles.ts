// Harbor's roles as data: which (resource, action) pairs each project role holds.
// Role ids are Harbor's, and tools send them: 1 project admin, 2 developer, 3 guest,
// 4 maintainer, 5 limited guest.

export const ROLE_IDS = { projectAdmin: 1, developer: 2, guest: 3, maintainer: 4, limitedGuest: 5 } as const
export type RoleId = (typeof ROLE_IDS)[keyof typeof ROLE_IDS]
export const ROLE_NAMES: Record<RoleId, string> = { 1: 'projectAdmin', 2: 'developer', 3: 'guest', 4: 'maintainer', 5: 'limitedGuest' }

export function isRoleId(n: unknown): n is RoleId {
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5
}

/** Harbor's resource names; '' is the project itself ("self"). */
export type Resource =
  | '' | 'member' | 'metadata' | 'log' | 'label' | 'quota' | 'repository' | 'tag-retention' | 'immutable-tag'
  | 'configuration' | 'robot' | 'notification-policy' | 'scan' | 'scanner' | 'artifact' | 'artifact-addition'
  | 'tag' | 'accessory' | 'artifact-label' | 'preheat-policy'
export type Action = 'create' | 'read' | 'update' | 'delete' | 'list' | 'pull' | 'push' | 'operate' | 'stop'

type Grants = Partial<Record<Resource, Action[]>>

const CRUDL: Action[] = ['create', 'read', 'update', 'delete', 'list']

const GUEST: Grants = {
  '': ['read'], member: ['read', 'list'], log: ['list'], label: ['read', 'list'], quota: ['read'],
  repository: ['read', 'list', 'pull'], configuration: ['read'], robot: ['read', 'list'], scan: ['read'],
  scanner: ['read'], tag: ['list'], accessory: ['list'], artifact: ['read', 'list'], 'artifact-addition': ['read'],
}

const DEVELOPER: Grants = {
  ...GUEST,
  repository: ['create', 'read', 'update', 'list', 'push', 'pull'],
  'tag-retention': [...CRUDL, 'operate'],
  artifact: ['create', 'read', 'list'],
  tag: ['list', 'create'],
  'artifact-label': ['create', 'delete'],
}

const MAINTAINER: Grants = {
  ...DEVELOPER,
  metadata: ['create', 'read', 'update', 'delete'],
  label: CRUDL,
  repository: ['create', 'read', 'update', 'delete', 'list', 'push', 'pull'],
  'immutable-tag': ['create', 'update', 'delete', 'list'],
  'notification-policy': ['list'],
  scan: ['create', 'read', 'stop'],
  artifact: ['create', 'read', 'delete', 'list'],
  tag: ['list', 'create', 'delete'],
}

const PROJECT_ADMIN: Grants = {
  ...MAINTAINER,
  '': ['read', 'update', 'delete'],
  member: CRUDL,
  configuration: ['read', 'update'],
  robot: CRUDL,
  'notification-policy': CRUDL,
  scanner: ['read', 'create'],
  'preheat-policy': CRUDL,
}

const LIMITED_GUEST: Grants = {
  '': ['read'], quota: ['read'], repository: ['list', 'pull'], configuration: ['read'], scan: ['read'],
  scanner: ['read'], tag: ['list'], accessory: ['list'], artifact: ['read', 'list'], 'artifact-addition': ['read'],
}

/** What anyone (anonymous included) may do in a public project. */
const PUBLIC_VISITOR: Grants = {
  '': ['read'], label: ['read', 'list'], repository: ['read', 'list', 'pull'], tag: ['list'], accessory: ['list'],
  artifact: ['read', 'list'], 'artifact-addition': ['read'], scan: ['read'],
}

const toSet = (g: Grants) => new Set(Object.entries(g).flatMap(([r, actions]) => actions!.map((a) => `${r}:${a}`)))

const ROLE_GRANTS: Record<RoleId, ReadonlySet<string>> = {
  1: toSet(PROJECT_ADMIN), 2: toSet(DEVELOPER), 3: toSet(GUEST), 4: toSet(MAINTAINER), 5: toSet(LIMITED_GUEST),
}
const PUBLIC_GRANTS = toSet(PUBLIC_VISITOR)

export function roleAllows(role: RoleId, resource: Resource, action: Action): boolean {
  return ROLE_GRANTS[role].has(`${resource}:${action}`)
}

/** Every (resource, action) the role holds. */
export function roleGrants(role: RoleId): Array<{ resource: Resource; action: Action }> {
  return [...ROLE_GRANTS[role]].map((key) => {
    const colon = key.lastIndexOf(':')
    return { resource: key.slice(0, colon) as Resource, action: key.slice(colon + 1) as Action }
  })
}

export function publicAllows(resource: Resource, action: Action): boolean {
  return PUBLIC_GRANTS.has(`${resource}:${action}`)
}
