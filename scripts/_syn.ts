import { buildEngine } from './bench-quality.js';
const { engine } = await buildEngine('corpus');
const v = (engine as any).vocabulary();
for (const w of process.argv.slice(2)) console.log(w, '→', v.respellWord(w.toLowerCase()), JSON.stringify(v.synonyms(w)));
