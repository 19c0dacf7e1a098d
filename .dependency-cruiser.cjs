/**
 * The layers, checked in `npm test` (`npm run lint:deps`). Arrows run one way:
 *
 *   entry points (src/main.ts, scripts/)
 *     → src/app.ts, src/ingest.ts (wiring)
 *       → notices/ → bot/ → answer/ → search/ → corpus/
 *         → ground: config.ts, errors.ts, log.ts, progress.ts
 *
 * bot/ never reaches into notices/: notices plug into the bot through BotDeps (features,
 * hooks). Nothing in src/ imports scripts/ or test/.
 */
const layer = (name, path, mayNotImport) => ({
  name,
  severity: 'error',
  comment: `${path} must not import ${mayNotImport.join(', ')}: dependencies run one way (see .dependency-cruiser.cjs).`,
  from: { path },
  to: { path: mayNotImport.map((p) => `^${p}`) },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make a module impossible to understand alone.', from: {}, to: { circular: true } },
    layer('src-not-scripts-or-tests', '^src/', ['scripts/', 'test/']),
    layer('ground', '^src/(config|errors|log|progress)\\.ts$', [
      'src/corpus/',
      'src/search/',
      'src/answer/',
      'src/bot/',
      'src/notices/',
      'src/app\\.ts',
      'src/ingest\\.ts',
      'src/main\\.ts',
      'src/terminal\\.ts',
    ]),
    layer('corpus', '^src/corpus/', [
      'src/search/',
      'src/answer/',
      'src/bot/',
      'src/notices/',
      'src/app\\.ts',
      'src/ingest\\.ts',
      'src/main\\.ts',
      'src/terminal\\.ts',
    ]),
    layer('search', '^src/search/', ['src/answer/', 'src/bot/', 'src/notices/', 'src/app\\.ts', 'src/ingest\\.ts', 'src/main\\.ts', 'src/terminal\\.ts']),
    layer('answer', '^src/answer/', ['src/bot/', 'src/notices/', 'src/app\\.ts', 'src/ingest\\.ts', 'src/main\\.ts', 'src/terminal\\.ts']),
    layer('bot', '^src/bot/', ['src/notices/', 'src/app\\.ts', 'src/ingest\\.ts', 'src/main\\.ts', 'src/terminal\\.ts']),
    layer('notices', '^src/notices/', ['src/ingest\\.ts', 'src/main\\.ts', 'src/terminal\\.ts']),
    layer('bot-features', '^src/bot/features/', ['src/bot/create-bot\\.ts', 'src/bot/features/']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
