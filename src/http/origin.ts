// Where clients reach Berth: the scheme and host of an absolute URL Berth hands out (the token
// realm, systeminfo's URLs) and whether the client's connection is HTTPS (the session cookie's
// Secure flag). From external_url when it is configured; otherwise from the connection, where
// request.protocol and request.host believe X-Forwarded-Proto/-Host only when the peer is one of
// http.trusted_proxies (fastify's trustProxy). Never from a header any client may send.
import type { FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'

/** A host name or IP literal with an optional port; anything else (quotes, commas, paths, spaces) is not a host. */
const HOST = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/

/** e.g. https://registry.example.com (external_url keeps its path prefix, without a trailing slash). */
export function publicBaseUrl(deps: Deps, request: FastifyRequest): string {
  if (deps.config.external_url) return deps.config.external_url.replace(/\/+$/, '')
  return `${scheme(request)}://${publicHost(deps, request)}`
}

/** host[:port] clients reach Berth at. */
export function publicHost(deps: Deps, request: FastifyRequest): string {
  if (deps.config.external_url) return new URL(deps.config.external_url).host
  const host = request.host
  if (HOST.test(host)) return host
  // not a host: the address this connection came in on, which no client chooses
  const { localAddress = '127.0.0.1', localPort } = request.socket
  return `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`
}

/** Whether the client reached Berth over HTTPS (Berth itself speaks HTTP: TLS ends in a proxy). */
export function isHttps(deps: Deps, request: FastifyRequest): boolean {
  if (deps.config.external_url) return deps.config.external_url.startsWith('https:')
  return scheme(request) === 'https'
}

function scheme(request: FastifyRequest): 'http' | 'https' {
  return request.protocol === 'https' ? 'https' : 'http'
}
