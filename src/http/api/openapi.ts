// Our OpenAPI document (api/openapi.yaml) under /api/v2.0, and Swagger UI at Harbor's portal path
// /devcenter-api-2.0, with its files from the swagger-ui-dist package (no CDN: Berth runs offline).
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { parse } from 'yaml'
import type { Deps } from '../../deps.js'

/** Harbor's portal serves its API explorer here; tools and people look for it there. */
export const DEVCENTER_PATH = '/devcenter-api-2.0'

/** api/openapi.yaml, found upwards from this file (src/ when run from source, dist/src/ when built). */
export function openApiPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'api', 'openapi.yaml')
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error('api/openapi.yaml not found above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

let loaded: { yaml: string; json: string; doc: OpenApiDocument } | undefined

export type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, unknown>>; [k: string]: unknown }

/** The document, read and parsed once. */
export function loadOpenApi(): { yaml: string; json: string; doc: OpenApiDocument } {
  if (!loaded) {
    const yaml = readFileSync(openApiPath(), 'utf8')
    const doc = parse(yaml) as OpenApiDocument
    loaded = { yaml, json: JSON.stringify(doc), doc }
  }
  return loaded
}

/** GET /api/v2.0/openapi.yaml and /api/v2.0/openapi.json: public, like Harbor's swagger.json. */
export function openApiRoutes(app: FastifyInstance, _deps: Deps) {
  const { yaml, json } = loadOpenApi()
  app.get('/openapi.yaml', async (_request, reply) => reply.header('content-type', 'application/yaml; charset=utf-8').send(yaml))
  app.get('/openapi.json', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(json))
}

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Berth API v2.0</title>
  <link rel="stylesheet" href="${DEVCENTER_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${DEVCENTER_PATH}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DEVCENTER_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DEVCENTER_PATH}/init.js"></script>
</body>
</html>
`

// A file rather than an inline script, so a strict Content-Security-Policy can allow 'self' only.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v2.0/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`

/** Swagger UI over our document, at the root (outside /api/v2.0). */
export async function devcenterPlugin(app: FastifyInstance, _opts: { deps: Deps }) {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  const page = (_request: unknown, reply: import('fastify').FastifyReply) => reply.header('content-type', 'text/html; charset=utf-8').send(PAGE)
  app.get(DEVCENTER_PATH, page)
  app.get(`${DEVCENTER_PATH}/`, page)
  app.get(`${DEVCENTER_PATH}/init.js`, async (_request, reply) => reply.header('content-type', 'text/javascript; charset=utf-8').send(INIT))
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`${DEVCENTER_PATH}/${file}`, async (_request, reply) =>
      reply.header('content-type', type).header('cache-control', 'public, max-age=86400').send(createReadStream(join(dist, file))))
  }
}
