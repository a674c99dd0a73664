import { describeBlobStore } from '../../test/conformance/blob-store.js'
import { createFilesystemStore } from './filesystem.js'
describeBlobStore('filesystem', (dir) => createFilesystemStore({ root: dir }))
