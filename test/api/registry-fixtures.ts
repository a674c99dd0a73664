// Shared by the repositories, artifacts and labels API tests: small images and other manifests
// pushed through /v2 as the admin, and /v2 reads. API calls, users and members: ../helpers/api-client.ts.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { ADMIN_AUTH, type RunningBerth } from '../helpers/berth.js'

const sha = (buf: Buffer) => `sha256:${createHash('sha256').update(buf).digest('hex')}`

async function putBlob(b: RunningBerth, repo: string, data: Buffer): Promise<string> {
  const digest = sha(data)
  const res = await fetch(`${b.url}/v2/${repo}/blobs/uploads/?digest=${digest}`, {
    method: 'POST', headers: { authorization: ADMIN_AUTH, 'content-type': 'application/octet-stream' }, body: data,
  })
  assert.equal(res.status, 201, await res.text())
  return digest
}

export async function putManifest(b: RunningBerth, repo: string, reference: string, manifest: unknown, mediaType: string): Promise<{ digest: string; body: Buffer }> {
  const body = Buffer.from(JSON.stringify(manifest))
  const res = await fetch(`${b.url}/v2/${repo}/manifests/${reference}`, {
    method: 'PUT', headers: { authorization: ADMIN_AUTH, 'content-type': mediaType }, body,
  })
  assert.equal(res.status, 201, await res.text())
  return { digest: sha(body), body }
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/** A one-layer OCI image with a config carrying architecture, os and history. */
export async function pushImage(b: RunningBerth, repo: string, tag: string, opts: { arch?: string; seed?: string; subject?: { digest: string; size: number }; artifactType?: string } = {}) {
  const arch = opts.arch ?? 'amd64'
  const layer = Buffer.from(`layer ${repo} ${tag} ${opts.seed ?? ''} ${arch}`)
  const config = Buffer.from(JSON.stringify({
    architecture: arch, os: 'linux', created: '2024-01-02T03:04:05Z', author: 'berth tests',
    config: { Env: ['PATH=/bin'] }, rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    history: [{ created: '2024-01-02T03:04:05Z', created_by: `/bin/sh -c #(nop) ADD ${tag}` }],
  }))
  const layerDigest = await putBlob(b, repo, layer)
  const configDigest = await putBlob(b, repo, config)
  const manifest: Record<string, unknown> = {
    schemaVersion: 2, mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }],
  }
  if (opts.subject) manifest.subject = { mediaType: OCI_MANIFEST, ...opts.subject }
  if (opts.artifactType) manifest.artifactType = opts.artifactType
  const pushed = await putManifest(b, repo, tag, manifest, OCI_MANIFEST)
  return { ...pushed, configDigest, layerDigest, layer }
}

export async function v2(b: RunningBerth, path: string, auth: string | undefined = ADMIN_AUTH, accept?: string) {
  const headers: Record<string, string> = {}
  if (auth) headers.authorization = auth
  if (accept) headers.accept = accept
  const res = await fetch(`${b.url}/v2/${path}`, { headers })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}
