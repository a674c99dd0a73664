// First start: the system admin from configuration and the public project `library`, as Harbor.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Deps } from '../deps.js'
import { findUserByName, insertUserUnlessTaken } from '../db/users.js'
import { findProjectByName } from '../db/projects.js'
import { insertMember } from '../db/members.js'
import { generateSecret, hashPassword } from './passwords.js'
import { ROLE_IDS } from '../rbac/roles.js'

export async function bootstrapIdentity(deps: Deps): Promise<void> {
  const now = deps.clock.now().toISOString()
  let admin = await findUserByName(deps.db, 'admin')
  if (!admin) {
    let password = deps.config.harbor_admin_password
    let file: string | undefined
    if (!password) {
      password = generateSecret(20)
      file = join(deps.config.data_volume, 'admin-initial-password')
      // a new file, so that its mode is 0600 before the password is in it
      rmSync(file, { force: true })
      writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' })
    }
    // Instances starting together on one PostgreSQL database: one creates the admin, the others find it.
    const created = await insertUserUnlessTaken(deps.db, { username: 'admin', email: null, realname: 'system admin', comment: 'admin user', password: await hashPassword(password, deps.passwordCost), sysadmin: true, now })
    if (created !== undefined) {
      if (file) deps.log.warn({ file }, 'no harbor_admin_password configured: generated the admin password and wrote it to this file')
      deps.log.info('created the system admin "admin"')
    } else if (file) {
      rmSync(file, { force: true })
    }
    admin = (await findUserByName(deps.db, 'admin'))!
  }
  if (!(await findProjectByName(deps.db, 'library'))) {
    const adminId = admin.user_id
    const created = await deps.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('project')
        .values({ name: 'library', public: 1, owner_id: adminId, creation_time: now, update_time: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('project_id').executeTakeFirst()
      if (!row) return false
      await trx.insertInto('project_metadata').values({ project_id: row.project_id, name: 'public', value: 'true', creation_time: now, update_time: now }).execute()
      await insertMember(trx, row.project_id, adminId, ROLE_IDS.projectAdmin, now)
      return true
    })
    if (created) deps.log.info('created the public project "library"')
  }
}
