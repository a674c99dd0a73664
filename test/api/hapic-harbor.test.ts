// Berth driven by @hapic/harbor, a Harbor API client from npm that others wrote and use: its robots
// carry fields Harbor's RobotCreate lacks (editable), its `q` objects are URL-encoded twice (Harbor
// decodes q once more), and it sends whole objects as bodies. Only what that library covers is here;
// test/api/harbor-client.test.ts drives the rest of the API through a client generated from Harbor's swagger.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { HarborClient, buildRobotPermissionForAllResources } from '@hapic/harbor'
import { ADMIN_AUTH, ADMIN_PASSWORD, startBerth, type RunningBerth } from '../helpers/berth.js'
import { api, basic, pullManifest, pushImage } from '../helpers/api-client.js'

describe('@hapic/harbor against Berth', () => {
  let b: RunningBerth
  let harbor: HarborClient

  before(async () => {
    b = await startBerth()
    harbor = new HarborClient({ connectionOptions: { host: `${b.url}/api/v2.0/`, user: 'admin', password: ADMIN_PASSWORD } })
  })
  after(async () => { await b?.close() })

  test('projects: create, find with a q object, get by name, update, delete', async () => {
    const { id } = await harbor.project.create({ project_name: 'hapic-train', public: false, metadata: { public: 'false' } } as never)
    assert.ok(id)
    // the library writes q: { name: '~hapic' } as q=name%3D%257Ehapic
    const found = await harbor.project.getMany({ query: { q: { name: '~hapic' } } as never })
    assert.deepEqual(found.data.map((p: { name: string }) => p.name), ['hapic-train'])
    assert.equal(found.meta.total, 1)
    const byName = await harbor.project.getOne('hapic-train', true)
    assert.equal(byName.project_id, id)
    await harbor.project.update('hapic-train', { metadata: { public: 'true' } } as never, true)
    assert.equal((await harbor.project.getOne(id!)).metadata.public, 'true')
  })

  test('robots: a system robot with every permission on a project, as the library builds it', async () => {
    const robot = await harbor.robot.create({ name: 'hapic-train', permissions: [buildRobotPermissionForAllResources('hapic-train')] } as never)
    assert.ok(robot.id && robot.secret)
    assert.equal((await pushImage(b, basic(robot.name, robot.secret!), 'hapic-train/app', 'v1')).status, 201)
    const listed = await harbor.robot.getMany({ query: { q: { name: '~hapic' } } as never })
    assert.deepEqual(listed.data.map((r: { id: number }) => r.id), [robot.id])
    const { secret } = await harbor.robot.updateSecret(robot.id)
    assert.notEqual(secret, robot.secret)
    assert.equal(await pullManifest(b, basic(robot.name, secret), 'hapic-train/app', 'v1'), 200)
    // 'project' (read, update, delete) is accepted as Harbor lists it, and opens nothing by itself
    const del = await api(b, '/projects/hapic-train', { method: 'DELETE', auth: basic(robot.name, secret), headers: { 'x-is-resource-name': 'true' } })
    assert.equal(del.status, 403, del.text)
    const view = await harbor.robot.getOne(robot.id)
    await harbor.robot.update(robot.id, { ...view, description: 'train runner' })
    assert.equal((await harbor.robot.getOne(robot.id)).description, 'train runner')
    await harbor.robot.delete(robot.id)
    assert.equal(await pullManifest(b, basic(robot.name, secret), 'hapic-train/app', 'v1'), 401)
  })

  test('repositories and artifacts: find, copy, label, delete', async () => {
    const repo = await harbor.projectRepository.findOne('hapic-train/app')
    assert.equal(repo?.name, 'hapic-train/app')
    const artifacts = await harbor.projectRepositoryArtifact.getMany({ projectName: 'hapic-train', repositoryName: 'app' })
    assert.equal(artifacts.length, 1)
    await harbor.projectRepositoryArtifact.copy({ projectName: 'hapic-train', repositoryName: 'copied' }, 'hapic-train/app:v1')
    assert.equal(await pullManifest(b, ADMIN_AUTH, 'hapic-train/copied', 'v1'), 200)
    const label = await api(b, '/labels', { method: 'POST', auth: ADMIN_AUTH, body: { name: 'hapic', scope: 'g' } })
    const labelId = Number(label.headers.get('location')!.split('/').pop())
    await harbor.projectRepositoryArtifactLabel.create({ projectName: 'hapic-train', repositoryName: 'app', tagOrDigest: 'v1', labelId })
    const labelled = await api(b, '/projects/hapic-train/repositories/app/artifacts/v1?with_label=true', { auth: ADMIN_AUTH })
    assert.deepEqual(labelled.json.labels.map((l: { id: number }) => l.id), [labelId])
    await harbor.projectRepositoryArtifactLabel.delete({ projectName: 'hapic-train', repositoryName: 'app', tagOrDigest: 'v1', labelId })
    await harbor.projectRepositoryArtifact.delete({ projectName: 'hapic-train', repositoryName: 'copied', tagOrDigest: 'v1' })
    for (const name of ['app', 'copied']) await harbor.projectRepository.delete(`hapic-train/${name}`)
    await harbor.project.delete('hapic-train', true)
    assert.equal((await api(b, '/projects?project_name=hapic-train', { method: 'HEAD', auth: ADMIN_AUTH })).status, 404)
  })
})
