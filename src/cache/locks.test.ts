import { createMemoryLocks } from './locks.js'
import { manualClock } from '../../test/helpers/clock.js'
import { describeLockStore } from '../../test/conformance/lock-store.js'

describeLockStore('in process', async () => {
  const clock = manualClock()
  return { store: createMemoryLocks({ clock }), pass: async (ms) => clock.advance(ms) }
})
