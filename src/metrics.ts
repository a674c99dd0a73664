// Prometheus metrics, one registry per process (not prom-client's global, so tests stay isolated).
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { scryptRuns } from './iam/passwords.js'

export type Metrics = {
  registry: Registry
  httpRequests: Histogram<'surface' | 'route' | 'method' | 'code'>
  blobBytesReceived: Counter
  blobBytesSent: Counter
  passwordHashes: Counter<'cost'>
  connectionsRefused: Counter
}

export function createMetrics(opts: { processMetrics: boolean }): Metrics {
  const registry = new Registry()
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'berth_' })
  return {
    registry,
    httpRequests: new Histogram({
      name: 'berth_http_request_duration_seconds',
      help: 'HTTP requests by surface (v2, api, other), route, method and status code',
      labelNames: ['surface', 'route', 'method', 'code'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
      registers: [registry],
    }),
    blobBytesReceived: new Counter({ name: 'berth_blob_bytes_received_total', help: 'Blob bytes received in uploads', registers: [registry] }),
    blobBytesSent: new Counter({ name: 'berth_blob_bytes_sent_total', help: 'Blob bytes sent to clients', registers: [registry] }),
    // login CPU: every password hash and check, real or for an unknown name, by scrypt cost
    passwordHashes: new Counter({
      name: 'berth_password_hashes_total', help: 'scrypt computations (password hashes and checks) by cost', labelNames: ['cost'], registers: [registry],
      collect() {
        this.reset()
        for (const [cost, n] of scryptRuns()) this.inc({ cost }, n)
      },
    }),
    connectionsRefused: new Counter({ name: 'berth_connections_refused_total', help: 'Connections closed at once: their client address held http.max_connections_per_client already', registers: [registry] }),
  }
}
