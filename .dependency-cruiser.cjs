/**
 * The layers, checked in `npm test` (`npm run lint`). Arrows run one way, down this list:
 *
 *   entry points (src/main.ts, src/terminal.ts, scripts/)
 *     → notices/ (a service over the running index)
 *       → wiring: src/app.ts, src/ingest.ts, src/ingest-child.ts, src/cli.ts
 *         → bot/ → answer/ → search/ → corpus/
 *           → ground: db/, config.ts, errors.ts, log.ts, lru-map.ts, progress.ts, paths.ts, metrics.ts
 *
 * bot/ never reaches into notices/: notices plug into the bot through BotDeps (features,
 * hooks). A bot feature imports neither the factory nor another feature. Nothing in src/
 * imports scripts/ or test/.
 */
const LADDER = [
  ['ground', '^src/((config|errors|log|lru-map|progress|paths|metrics)\\.ts|db/)'],
  ['corpus', '^src/corpus/'],
  ['search', '^src/search/'],
  ['answer', '^src/answer/'],
  ['bot', '^src/bot/'],
  ['wiring', '^src/(app|ingest|ingest-child|cli)\\.ts$'],
  ['notices', '^src/notices/'],
  ['entry', '^src/(main|terminal)\\.ts$'],
];

/** Each rung may import only the rungs below it. */
const oneWay = LADDER.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-only-below`,
  severity: 'error',
  comment: `${path} must not import a higher layer: dependencies run one way (see .dependency-cruiser.cjs).`,
  from: { path },
  to: { path: LADDER.slice(i + 1).map(([, higher]) => higher) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make a module impossible to understand alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-scripts-or-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^scripts/', '^test/'] },
    },
    {
      name: 'bot-features-stand-alone',
      severity: 'error',
      from: { path: '^src/bot/features/' },
      to: { path: ['^src/bot/create-bot\\.ts$', '^src/bot/features/'] },
    },
    ...oneWay,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
