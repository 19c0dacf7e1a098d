/** An answer engine over one report's text, with the dictionary (names, persons and synonyms need it). */
import { AnswerEngine, type EngineOptions } from '../../src/answer/engine.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { loadThesaurus } from '../../src/search/thesaurus.js';

export function engineWithDictionary(text: string, file: string, options: EngineOptions = {}): AnswerEngine {
  const index = new CorpusIndex();
  const r = parseReport(text, file);
  index.addReport(r, chunkReport(r));
  return new AnswerEngine(index, { thesaurus: loadThesaurus(), ...options });
}
