import { z } from '@hono/zod-openapi';
import { HeartbeatAnswer } from '@tavli/licensing-contract/heartbeat';

// A fresh object over the contract's shape: the contract's own schemas are plain zod, without `.openapi`.
export const HeartbeatResult = z.object(HeartbeatAnswer.shape).openapi('HeartbeatResult');
