// The one Database type. Tables follow Harbor's names where Berth mirrors its concepts.
// Times are ISO-8601 strings (UTC) so both SQLite and PostgreSQL store and sort them alike.
import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely'

export interface ProjectTable {
  project_id: Generated<number>
  name: string
  /** 1 public, 0 private; an integer so the column means the same in both dialects. */
  public: number
  owner_id: number | null
  creation_time: string
  update_time: string
}

export interface RepositoryTable {
  repository_id: Generated<number>
  project_id: number
  /** Full name including the project, e.g. "library/alpine". */
  name: string
  description: string
  pull_count: Generated<number>
  creation_time: string
  update_time: string
}

/** Every committed blob (layers, configs and manifests), content-addressed and global. */
export interface BlobTable {
  digest: string
  size: number
  creation_time: string
}

/** A repository may read a blob only while this link exists (upload, mount, or manifest push). */
export interface RepositoryBlobTable {
  repository_id: number
  digest: string
  creation_time: string
}

export interface ArtifactTable {
  id: Generated<number>
  repository_id: number
  digest: string
  /** Media type of the manifest itself. */
  manifest_media_type: string
  /** Config media type for image manifests; the index's own media type for indexes (Harbor's media_type). */
  media_type: string
  /** OCI 1.1 artifactType, or the config media type when it is not an image config. */
  artifact_type: string | null
  size: number
  /** Digest of the manifest's `subject`, for the referrers API; the subject need not exist. */
  subject_digest: string | null
  /** JSON of the manifest's annotations, kept for referrers descriptors. */
  annotations: string | null
  push_time: string
  pull_time: string | null
}

/** Blobs an artifact references (config, layers, its own manifest): for quotas and GC. */
export interface ArtifactBlobTable {
  artifact_id: number
  digest: string
}

/** Children of an index or manifest list. */
export interface ArtifactReferenceTable {
  parent_id: number
  child_digest: string
  /** JSON of the descriptor's platform, if any. */
  platform: string | null
}

export interface TagTable {
  id: Generated<number>
  repository_id: number
  artifact_id: number
  name: string
  push_time: string
}

/** An upload session; its bytes live in the blob store's upload area under the same id. */
export interface UploadTable {
  id: string
  repository: string
  /** Who opened it (principalName: a user name, robot$…); '' for sessions from before owners were kept. */
  owner: string
  /** Bytes acknowledged to the client; recovery truncates the upload back to this. */
  size: number
  creation_time: string
  update_time: string
}

export interface UserTable {
  user_id: Generated<number>
  username: string
  email: string | null
  realname: Generated<string>
  comment: Generated<string>
  password: string
  sysadmin_flag: Generated<number>
  /** Bumped whenever the user's credentials or powers change; sessions and tokens carry it. */
  credential_version: Generated<number>
  creation_time: string
  update_time: string
}

export interface SessionTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions */
  id_hash: string
  user_id: number
  csrf_token: string
  /** The user's credential_version when the session opened; a mismatch ends the session. */
  credential_version: Generated<number>
  expires_at: string
  creation_time: string
}

export interface ProjectMetadataTable {
  project_id: number
  name: string
  value: string
  creation_time: string
  update_time: string
}

export interface ProjectMemberTable {
  id: Generated<number>
  project_id: number
  entity_id: number
  entity_type: 'u' | 'g'
  role: number
  creation_time: string
  update_time: string
}

export interface RobotTable {
  id: Generated<number>
  name: string
  description: Generated<string>
  project_id: Generated<number>
  level: 'system' | 'project'
  secret: string
  duration: number
  /** seconds since the epoch; -1 never */
  expires_at: number
  disabled: Generated<number>
  creator_ref: Generated<number>
  /** 'local' (a user) or 'robot' */
  creator_type: Generated<string>
  /** Bumped on secret refresh, disabling and permission changes; registry tokens carry it. */
  credential_version: Generated<number>
  creation_time: string
  update_time: string
}

export interface RobotPermissionTable {
  robot_id: number
  kind: 'project' | 'system'
  /** The project's name as given (shown back); `project_id` is what authorization compares. */
  namespace: string
  /** The project of a 'project' permission; 0 for '*' (every project) and system permissions. */
  project_id: Generated<number>
  resource: string
  action: string
}

export interface LabelTable {
  id: Generated<number>
  name: string
  description: Generated<string>
  color: Generated<string>
  scope: 'g' | 'p'
  project_id: Generated<number>
  creation_time: string
  update_time: string
}

export interface ArtifactLabelTable {
  artifact_id: number
  label_id: number
  creation_time: string
}

export interface QuotaTable {
  project_id: number
  hard_storage: number
  creation_time: string
  update_time: string
}

export interface SystemSettingTable {
  name: string
  value: string
}

export interface AuditLogTable {
  id: Generated<number>
  project_id: number
  operation: string
  resource_type: string
  resource: string
  username: string
  client_ip: string
  op_time: string
}

export interface Database {
  harbor_user: UserTable
  session: SessionTable
  project_metadata: ProjectMetadataTable
  project_member: ProjectMemberTable
  robot: RobotTable
  robot_permission: RobotPermissionTable
  label: LabelTable
  artifact_label: ArtifactLabelTable
  quota: QuotaTable
  system_setting: SystemSettingTable
  audit_log: AuditLogTable
  project: ProjectTable
  repository: RepositoryTable
  blob: BlobTable
  repository_blob: RepositoryBlobTable
  artifact: ArtifactTable
  artifact_blob: ArtifactBlobTable
  artifact_reference: ArtifactReferenceTable
  tag: TagTable
  upload: UploadTable
}

export type Db = Kysely<Database> | Transaction<Database>

export type ProjectRow = Selectable<ProjectTable>
export type RepositoryRow = Selectable<RepositoryTable>
export type ArtifactRow = Selectable<ArtifactTable>
export type NewArtifactRow = Insertable<ArtifactTable>
export type TagRow = Selectable<TagTable>
export type UploadRow = Selectable<UploadTable>
export type UserRow = Selectable<UserTable>
export type RobotRow = Selectable<RobotTable>
export type LabelRow = Selectable<LabelTable>
export type AuditLogRow = Selectable<AuditLogTable>
