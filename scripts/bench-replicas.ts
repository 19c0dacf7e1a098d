/**
 * `npm run bench:replicas`: three bot processes in webhook mode on one PostgreSQL (a throwaway cluster from the
 * machine's binaries) behind a round-robin loopback proxy, 1,000 subscribers, a new report dropped into the corpus,
 * the leader killed with SIGKILL mid-broadcast while a reader keeps asking. Prints whether every subscriber got the
 * notice exactly once and whether questions were answered throughout (test/helpers/replicas.ts).
 * Options: --replicas N, --subscribers N, --kill-after N (notices out before the kill), --claim S (OUTBOX_CLAIM_S).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runReplicas } from '../test/helpers/replicas.js';

const { values } = parseArgs({
  options: {
    replicas: { type: 'string', default: '3' },
    subscribers: { type: 'string', default: '1000' },
    'kill-after': { type: 'string', default: '300' },
    claim: { type: 'string', default: '5' },
  },
});
const run = await runReplicas({
  replicas: Number(values.replicas),
  subscribers: Number(values.subscribers),
  killAfter: Number(values['kill-after']),
  claimSeconds: Number(values.claim),
  timeoutMs: 300_000,
});
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
console.log(
  '| replicas | subscribers | leader killed after | reached | notices sent | duplicates | lost | broadcast time | questions answered | slowest reply |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${values.replicas} | ${run.subscribers} | ${run.killedAt} notices | ${run.reached} | ${run.sent} | ${run.duplicates} | ${run.lost} | ${run.seconds.toFixed(1)} s | ${run.answered} of ${run.asked} | ${(run.slowestReplyMs / 1000).toFixed(2)} s |`,
);
const exactlyOnce = run.lost === 0 && run.duplicates <= 1;
console.log(
  exactlyOnce
    ? 'Every subscriber got the notice once (at most the killed replica’s in-flight notice twice).'
    : 'FAILED: a subscriber got no notice or several.',
);
console.log(
  `After the broadcast: ${run.newReportAnswered} of ${run.newReportAsked} questions about the new report answered from it (round-robin over the surviving replicas); a surviving replica's /metrics counts ${run.metricsQuestions} questions.`,
);
process.exit(exactlyOnce && run.answered >= run.asked - 1 && run.newReportAnswered === run.newReportAsked ? 0 : 1);
