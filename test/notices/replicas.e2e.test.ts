import { describe, expect, it } from 'vitest';
import { runReplicas } from '../helpers/replicas.js';

// Three bot processes on one PostgreSQL behind a round-robin proxy; the leader killed with -9 mid-broadcast
// (`npm run bench:replicas` runs the same with 1,000 subscribers and prints the figures).
describe('replicas on PostgreSQL', () => {
  it('every subscriber gets the new report once (the killed replica’s in-flight notice at most twice), and questions keep being answered, from the new report on every replica', async () => {
    const run = await runReplicas({ replicas: 3, subscribers: 150, killAfter: 40, claimSeconds: 2, timeoutMs: 90_000 });
    expect(run.killedAt).toBeLessThan(150); // killed mid-broadcast
    expect(run.lost).toBe(0);
    expect(run.duplicates).toBeLessThanOrEqual(1);
    expect(run.asked).toBeGreaterThan(3);
    expect(run.answered).toBeGreaterThanOrEqual(run.asked - 1);
    expect(run.newReportAnswered).toBe(run.newReportAsked);
    expect(run.metricsQuestions).toBeGreaterThan(0);
  }, 180_000);
});
