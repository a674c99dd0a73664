import type { Db } from './schema.js'

/** Every stored setting, by name. */
export async function listSettings(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('system_setting').select(['name', 'value']).execute()
  return new Map(rows.map((r) => [r.name, r.value]))
}

export async function upsertSetting(db: Db, name: string, value: string): Promise<void> {
  await db.insertInto('system_setting').values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
    .execute()
}
