// Who is asking. Authenticators (src/http/auth.ts) produce one; rbac decides what it may do.

/**
 * A robot's permission: Harbor robot v2 `{kind, namespace, access: [{resource, action}]}`, flattened.
 * `projectId` is the project the namespace named when the permission was given (0 for '*' and for
 * system permissions): authorization compares ids, so the permission dies with its project.
 */
export type RobotPermission = { kind: 'project' | 'system'; namespace: string; projectId: number; resource: string; action: string }

/** One entry of a registry token's `access` claim (distribution's token spec). */
export type TokenAccess = { type: string; name: string; actions: string[] }

export type Principal =
  | { kind: 'anonymous' }
  /** `credentialVersion`: the user's credential_version when authenticated (sessions and tokens carry it). */
  | { kind: 'user'; id: number; username: string; sysadmin: boolean; credentialVersion: number; via: 'basic' | 'session' }
  | { kind: 'robot'; id: number; name: string; projectId: number; credentialVersion: number; permissions: RobotPermission[] }
  /**
   * A bearer token on /v2: what it may do was decided when it was issued. `projects` maps each
   * project name in `access` to the id it had then; a project deleted and re-created under the
   * same name is not the one the token was issued for.
   */
  | { kind: 'token'; subject: string; access: TokenAccess[]; projects: Record<string, number> }

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
