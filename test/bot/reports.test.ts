import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { reportKey } from '../../src/bot/callback-data.js';
import { reportsOf } from '../../src/bot/reports.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';

describe('the reports as the bot sees them', () => {
  it('lists them, finds one by id or by the key its buttons carry, and follows the engine it is given', () => {
    const index = new CorpusIndex();
    for (const name of ['water-2024.txt', 'roads-2024.txt']) {
      const r = parseReport(`County ${name} report\nThe county did its work in 2024.`, name);
      index.addReport(r, chunkReport(r));
    }
    const engine = new AnswerEngine(index);
    const reports = reportsOf(engine);
    expect(reports.size).toBe(2);
    expect(reports.list().map((r) => r.id)).toEqual(['water-2024', 'roads-2024']);
    expect(reports.byKey(reportKey('roads-2024'))?.id).toBe('roads-2024');
    expect(reports.byKey('00000000')).toBeUndefined();
    expect(reports.get('water-2024')?.id).toBe('water-2024');
    expect(reportsOf(engine)).toBe(reports);
    expect(reportsOf(new AnswerEngine(new CorpusIndex())).size).toBe(0);
  });
});
