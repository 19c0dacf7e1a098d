/**
 * The reports as the bot sees them: listed, by id, or by the short key its buttons and deep links
 * carry (callback-data.ts `reportKey`). The one place the bot reads the engine's index; the key
 * lookup is a map built once per engine (the engine is swapped when the index changes), not a scan.
 */
import type { AnswerEngine } from '../answer/engine.js';
import type { ParsedReport } from '../corpus/types.js';
import { reportKey } from './callback-data.js';

export interface Reports {
  readonly size: number;
  list(): ParsedReport[];
  get(id: string): ParsedReport | undefined;
  byKey(key: string): ParsedReport | undefined;
}

const views = new WeakMap<AnswerEngine, Reports>();

export function reportsOf(engine: AnswerEngine): Reports {
  let view = views.get(engine);
  if (!view) {
    const reports = engine.index.reports;
    let keys: Map<string, ParsedReport> | undefined;
    view = {
      get size() {
        return reports.size;
      },
      list: () => [...reports.values()],
      get: (id) => reports.get(id),
      byKey: (key) => (keys ??= new Map([...reports.values()].map((r) => [reportKey(r.id), r]))).get(key),
    };
    views.set(engine, view);
  }
  return view;
}
