/**
 * Admin commands, only for ADMIN_IDS: /stats and /reindex. Anyone else gets exactly
 * what an unknown command gets (the fallback), so the commands do not reveal themselves.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { BotDeps } from '../deps.js';
import { reportsOf } from '../reports.js';
import { escapeHtml } from '../format.js';

export function adminFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = feature.filter((ctx) => !!ctx.from && (deps.adminIds ?? []).includes(ctx.from.id));
  admins.command('stats', async (ctx) => {
    const engine = deps.engine();
    const lines = [
      `reports: ${reportsOf(engine).size}`,
      `chunks: ${engine.index.chunkCount}`,
      `mode: ${engine.mode}`,
      `rss: ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
      ...(await Promise.all((deps.plugins ?? []).map((p) => p.stats?.() ?? Promise.resolve([])))).flat(),
    ];
    await ctx.reply(`<pre>${escapeHtml(lines.join('\n'))}</pre>`, { parse_mode: 'HTML' });
  });
  admins.command('reindex', async (ctx) => {
    if (!deps.reindex) return void (await ctx.reply('Reindexing is not available here.'));
    await ctx.reply('Reindexing…');
    await ctx.reply(escapeHtml(await deps.reindex()), { parse_mode: 'HTML' });
  });
  return feature;
}
