// Counting from the outside where the counted code takes plain functions: scheduled jobs and scheduled posts.
import type { Destination, PostResult, Reply } from '../core/types.js';
import type { Metrics } from './port.js';

type Post = (to: Destination, reply: Reply) => Promise<PostResult>;
interface Job {
  name: string;
  run: () => Promise<unknown>;
}

/** Each run counted as `done` or `failed` under the job's name (the scheduler logs the failure itself). */
export function instrumentJobs<J extends Job>(jobs: J[], metrics: Metrics): J[] {
  return jobs.map((job) => ({
    ...job,
    run: async () => {
      try {
        const value = await job.run();
        metrics.jobRun(job.name, 'done');
        return value;
      } catch (err) {
        metrics.jobRun(job.name, 'failed');
        throw err;
      }
    },
  }));
}

/** A 429 is waited out and tried again by the sender, so it is not yet a failure. */
function outcomeOf(result: PostResult): string {
  if (result.ok) return 'sent';
  if (result.uncertain) return 'uncertain';
  return result.retryAfterMs !== undefined ? 'rate_limited' : 'failed';
}

/** Each scheduled post counted by kind (digest, follow_up) and outcome: sent, rate_limited (retried), failed, or uncertain (may have arrived). */
export function instrumentPost(post: Post, metrics: Metrics, kind: string): Post {
  return async (to, reply) => {
    try {
      const result = await post(to, reply);
      metrics.delivery(kind, outcomeOf(result));
      return result;
    } catch (err) {
      metrics.delivery(kind, 'failed');
      throw err;
    }
  };
}
