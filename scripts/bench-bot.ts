/**
 * `npm run bench:bot`: the real bot process (`src/main.ts`) against the Bot API emulator
 * on loopback, with 50 simulated users asking concurrently. Prints replies/second, the
 * latency from a user's message reaching the Bot API to the bot's reply reaching it
 * (p50/p99), the same as the simulated clients saw it (adds the emulator client's own
 * polling delay), and the bot process's RSS after a warm-up round and at the end (a leak
 * shows as growth between the two). Errors: replies that are not answers or refusals.
 * Load test: BENCH_USERS=200 npm run bench:bot. Then the flood case in real time
 * (a flooder, a reader tapping a card 30 times, a bystander; `-- --no-flood` skips it).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiHarness, TOKEN } from '../test/helpers/bot-api.js';
import { spawnBot } from '../test/helpers/processes.js';
import { percentile } from './bench-latency.js';

const USERS = Number(process.env.BENCH_USERS ?? 50);
/** Within a reader's burst allowance (8 questions at once, then one every 3 s): a load test, not a flood. */
const QUESTIONS_EACH = Number(process.env.BENCH_QUESTIONS ?? 8);

const QUESTIONS = [
  'How many administrative cases were there in the county?',
  'How many mediation statements were issued?',
  'Were any village doctors dismissed?',
  'How many notaries were handled?',
  'What will the county do next year?',
  'How many enterprises were newly registered?',
  'How many cinemas are in the county?',
  'Which laws were the focus of law popularization?',
];

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main(): Promise<void> {
  const api = await BotApiHarness.start();
  const root = mkdtempSync(join(tmpdir(), 'rqb-bench-bot-'));
  const corpusDir = join(root, 'corpus');
  const dataDir = join(root, 'data');
  cpSync('corpus', corpusDir, { recursive: true });
  const child = spawnBot(
    {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'silent',
    },
    'inherit',
  );
  try {
    while (!api.callsOf('setMyCommands').length) await new Promise((r) => setTimeout(r, 50));
    const rssIdle = rssMb(child.pid!);
    const serverSide: number[] = [];
    const clientSide: number[] = [];
    let errors = 0;
    const users = Array.from({ length: USERS }, (_, u) => api.client(10_000 + u));
    const round = async (from: number, to: number): Promise<void> => {
      await Promise.all(
        users.map(async (user, u) => {
          for (let i = from; i < to; i++) {
            const sentAt = performance.now();
            await user.say(QUESTIONS[(u + i) % QUESTIONS.length]!);
            const queuedAt = performance.now();
            const [reply] = await user.replies(1, 30_000).catch(() => [undefined]);
            if (!reply || !/^(<blockquote>|The report does not seem|⚠️ <i>Closest passages)/.test(String(reply.text))) {
              errors++;
              if (process.env.BENCH_DEBUG) console.error(JSON.stringify(reply?.text).slice(0, 120));
            }
            clientSide.push(performance.now() - sentAt);
            const answer = api.calls.find(
              (c) => c.method === 'sendMessage' && Number(c.body.chat_id) === 10_000 + u && c.at >= queuedAt,
            );
            if (answer) serverSide.push(answer.at - queuedAt);
          }
        }),
      );
    };
    const warmup = Math.min(5, QUESTIONS_EACH - 1);
    await round(0, warmup);
    const rssWarm = rssMb(child.pid!);
    const started = performance.now();
    await round(warmup, QUESTIONS_EACH);
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = rssMb(child.pid!);
    serverSide.sort((a, b) => a - b);
    clientSide.sort((a, b) => a - b);
    const total = USERS * (QUESTIONS_EACH - warmup);
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${USERS} users × ${QUESTIONS_EACH} questions, lexical mode`,
    );
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(
      `| replies after warm-up | ${total} in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} replies/s |`,
    );
    console.log(`| errors (missing or non-answer replies, all rounds) | ${errors} |`);
    console.log(
      `| message in Bot API → reply in Bot API | p50 ${percentile(serverSide, 50).toFixed(1)} ms · p99 ${percentile(serverSide, 99).toFixed(1)} ms (includes the proxy's 15 ms long-poll granularity) |`,
    );
    console.log(
      `| as the simulated clients saw it | p50 ${percentile(clientSide, 50).toFixed(1)} ms · p99 ${percentile(clientSide, 99).toFixed(1)} ms (adds the emulator client's polling) |`,
    );
    console.log(
      `| bot process RSS | ${rssIdle} MB idle with the index loaded · ${rssWarm} MB after warm-up · ${rssAfter} MB at the end (${(rssAfter / rssWarm).toFixed(2)} × warm-up) |`,
    );
    if (!process.argv.includes('--no-flood')) await flood(api);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await api.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The flood case, in real time: one user sends 100 messages in 10 s; a reader asks once and taps a
 * card's buttons 30 times in 30 s, then asks again; a bystander asks a question every 4 s
 * throughout (a reader's pace). Prints what each got and the bystander's latency.
 */
async function flood(api: BotApiHarness): Promise<void> {
  const flooder = api.client(90_001);
  const reader = api.client(90_002);
  const bystander = api.client(90_003);
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const tooFast = (text: unknown): boolean => /asking very quickly/.test(String(text));
  const flooding = (async () => {
    for (let i = 0; i < 100; i++) {
      await flooder.say(`${QUESTIONS[i % QUESTIONS.length]!} (${i})`);
      await sleep(100);
    }
  })();
  const reading = (async () => {
    await reader.say(QUESTIONS[1]!);
    const [card] = await reader.replies(1, 30_000);
    const id = card!.messageId as number;
    const buttons = (): string[] =>
      (
        reader.history().find((m) => m.messageId === id)?.reply_markup as
          { inline_keyboard: { callback_data?: string }[][] } | undefined
      )?.inline_keyboard
        .flat()
        .map((b) => b.callback_data)
        .filter((d): d is string => !!d) ?? [];
    const tapsFrom = api.callsOf('answerCallbackQuery').length;
    for (let i = 0; i < 30; i++) {
      const choice = buttons();
      await reader.press(choice[i % choice.length]!, id);
      await sleep(1000);
    }
    const answered = api.callsOf('answerCallbackQuery').slice(tapsFrom);
    const sentAt = performance.now();
    await reader.say(QUESTIONS[0]!);
    const [next] = await reader.replies(1, 30_000).catch(() => [undefined]);
    return {
      taps: answered.length,
      limited: answered.filter((c) => tooFast(c.text)).length,
      next: next && !tooFast(next.text) ? performance.now() - sentAt : undefined,
    };
  })();
  const bystanding = (async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 8; i++) {
      const sentAt = performance.now();
      await bystander.say(QUESTIONS[(i + 3) % QUESTIONS.length]!);
      await bystander.replies(1, 30_000);
      latencies.push(performance.now() - sentAt);
      await sleep(4000);
    }
    return latencies.sort((a, b) => a - b);
  })();
  await flooding;
  const [read, latencies] = await Promise.all([reading, bystanding]);
  await sleep(1000);
  const got = flooder.history();
  console.log('\nFlood, in real time (the same bot process):');
  console.log('| who | what they did | what they got |');
  console.log('|---|---|---|');
  console.log(
    `| flooder | 100 messages in 10 s | ${got.filter((m) => !tooFast(m.text)).length} answers, ${got.filter((m) => tooFast(m.text)).length} "asking very quickly" notes, the rest unanswered |`,
  );
  console.log(
    `| reader | 1 question, 30 taps in 30 s, 1 question | ${read.taps}/30 taps answered, ${read.limited} limited; the next question ${read.next === undefined ? 'NOT answered' : `answered in ${read.next.toFixed(0)} ms`} |`,
  );
  console.log(
    `| bystander | a question every 4 s for 32 s | 8/8 answered; p50 ${percentile(latencies, 50).toFixed(0)} ms · p99 ${percentile(latencies, 99).toFixed(0)} ms (as the emulator client sees it) |`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
