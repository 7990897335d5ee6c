import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';

/** One client for the process. Credentials: the SDK's default chain (IRSA web identity in the cluster). */
export function createS3Client(config: Config): S3Client {
  return new S3Client({
    region: config.AWS_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    requestChecksumCalculation: config.S3_CHECKSUM,
    responseChecksumValidation: config.S3_CHECKSUM,
  });
}
