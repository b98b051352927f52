import { z } from '@hono/zod-openapi';
import { HeartbeatAnswer, SITE_ID_HEADER, SITE_KEY_HEADER } from '@tavli/licensing-contract/heartbeat';

export const HeartbeatHeaders = z.object({
  [SITE_ID_HEADER]: z.string().max(64).optional().openapi({ description: 'The site id (UUID) given at registration' }),
  [SITE_KEY_HEADER]: z.string().max(128).optional().openapi({ description: 'The site’s secret key (tvl_sk_…)' }),
});

// A fresh object over the contract's shape: the contract's own schemas are plain zod, without `.openapi`.
export const HeartbeatResult = z.object(HeartbeatAnswer.shape).openapi('HeartbeatResult');
