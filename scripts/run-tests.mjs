// `npm test`: every test on the embedded default (SQLite + filesystem + in-process state), then
// the API, protocol and e2e suites again on PostgreSQL + Redis + S3 (BERTH_TEST_BACKEND=scaleout),
// with those services started here (scripts/test-services.mjs) and stopped at the end.
//
//   npm test                         both passes
//   BERTH_TEST_PASSES=embedded npm test    one pass (embedded | scaleout)
//   npm test -- dist/test/api/robots.test.js   only these files, in every pass
import { spawn } from 'node:child_process'
import { startServices, stopServices } from './test-services.mjs'

const SCALEOUT_SUITES = ['dist/test/api', 'dist/test/protocol', 'dist/test/e2e']
const files = process.argv.slice(2)
const passes = (process.env.BERTH_TEST_PASSES ?? 'embedded,scaleout').split(',').map((p) => p.trim()).filter(Boolean)

function run(label, args, env) {
  process.stdout.write(`\n### ${label}: node ${args.join(' ')}\n`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

let failed = 0
let services = {}
let started = []
try {
  ;({ env: services, started } = await startServices())
  for (const pass of passes) {
    const common = ['--test', '--test-concurrency=1']
    if (pass === 'embedded') {
      failed |= await run('embedded default (SQLite, filesystem, in process)', [...common, ...(files.length ? files : ['dist/'])], services)
    } else if (pass === 'scaleout') {
      failed |= await run('scale-out (PostgreSQL, Redis, S3)', [...common, ...(files.length ? files : SCALEOUT_SUITES)], { ...services, BERTH_TEST_BACKEND: 'scaleout' })
    } else {
      process.stderr.write(`unknown test pass "${pass}" (embedded, scaleout)\n`)
      failed = 1
    }
  }
} finally {
  // only what this run started: services another run (or `test-services.mjs start`) runs stay up
  if (!process.env.BERTH_TEST_KEEP_SERVICES) stopServices(started)
}
process.exit(failed ? 1 : 0)
