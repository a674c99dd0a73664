// The BlobStore conformance suite on the test S3 server (s3rver): a fresh bucket per test, five
// MiB parts so that multipart uploads happen at test sizes. Skips when no server is configured.
import { createTestBucket, S3_TEST_CREDENTIALS } from '../../test/helpers/backend.js'
import { describeBlobStore } from '../../test/conformance/blob-store.js'
import { createS3Store } from './s3.js'

const endpoint = process.env.BERTH_TEST_S3_ENDPOINT
const buckets = new Map<string, Promise<string>>()

describeBlobStore('s3', async (dir) => {
  if (!buckets.has(dir)) buckets.set(dir, createTestBucket())
  return createS3Store({
    bucket: await buckets.get(dir)!, region: 'us-east-1', endpoint, forcePathStyle: true, rootDirectory: 'berth/root',
    accessKey: S3_TEST_CREDENTIALS.accesskey, secretKey: S3_TEST_CREDENTIALS.secretkey, partSize: 5 * 1024 * 1024,
  })
}, { skip: endpoint ? false : 'BERTH_TEST_S3_ENDPOINT is unset (run `eval "$(node scripts/test-services.mjs start)"`)' })
