// Who is asking. Authenticators (src/http/auth.ts) produce one; rbac decides what it may do.

/** A robot's permission: Harbor robot v2 `{kind, namespace, access: [{resource, action}]}`, flattened. */
export type RobotPermission = { kind: 'project' | 'system'; namespace: string; resource: string; action: string }

/** One entry of a registry token's `access` claim (distribution's token spec). */
export type TokenAccess = { type: string; name: string; actions: string[] }

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: number; username: string; sysadmin: boolean; via: 'basic' | 'session' }
  | { kind: 'robot'; id: number; name: string; projectId: number; permissions: RobotPermission[] }
  /** A bearer token on /v2: what it may do was decided when it was issued. */
  | { kind: 'token'; subject: string; access: TokenAccess[] }

export const ANONYMOUS: Principal = { kind: 'anonymous' }

/** The name written to the audit log and token subjects. */
export function principalName(p: Principal): string {
  switch (p.kind) {
    case 'anonymous': return 'anonymous'
    case 'user': return p.username
    case 'robot': return `robot$${p.name}`
    case 'token': return p.subject || 'anonymous'
  }
}
