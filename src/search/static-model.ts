/**
 * A static embedding model read directly, without a neural runtime: a model that is a table of
 * word vectors (the bundled offline model, `scripts/build-static-model.ts`: an ONNX graph that
 * only gathers int8 rows and scales them) needs a lookup and an average, not onnxruntime. Its
 * table is read from the ONNX file's initializers, its tokenizer (BERT normaliser, pre-tokeniser
 * and WordPiece) from tokenizer.json, and a text is pooled as transformers.js pools it: the mean
 * of its tokens' vectors ([CLS] and [SEP] included, at most 512 tokens), normalised. The result is
 * the same vector (a test compares the two paths); loading takes milliseconds instead of loading
 * transformers.js and onnxruntime.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The graph `build-static-model.ts` writes: Gather(q) → Cast → Mul(Gather(scale)). Anything else goes through
 * transformers.js.
 */
const STATIC_OPS = ['Gather', 'Cast', 'Gather', 'Mul'];
const MAX_TOKENS = 512;
const INT8 = 3;
const FLOAT = 1;

interface Tensor {
  name: string;
  dims: number[];
  dataType: number;
  raw: Uint8Array;
}

/**
 * The WordPiece vocabulary (token → id): from BERT's `vocab.txt` (token on line id) when the folder has one, else from
 * tokenizer.json (a 50,000-key object: 130 ms against 20 ms for the lines, a third of a one-question CLI's time);
 * undefined for a tokenizer of another kind.
 */
function readVocabulary(dir: string): Map<string, number> | undefined {
  const lines = join(dir, 'vocab.txt');
  if (existsSync(lines)) {
    const vocab = new Map<string, number>();
    const tokens = readFileSync(lines, 'utf8').split('\n');
    for (let id = 0; id < tokens.length; id++) if (tokens[id]) vocab.set(tokens[id]!, id);
    return vocab;
  }
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as {
    model: { type: string; vocab: Record<string, number> };
  };
  return json.model.type === 'WordPiece' ? new Map(Object.entries(json.model.vocab)) : undefined;
}

/** Protocol-buffer fields of one message: field number → values (varints as numbers, length-delimited as bytes). */
function fields(buf: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const out = new Map<number, (number | Uint8Array)[]>();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = buf[at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    let value: number | Uint8Array;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      value = buf.subarray(at, at + length);
      at += length;
    } else if (wire === 5) {
      value = new DataView(buf.buffer, buf.byteOffset + at, 4).getUint32(0, true);
      at += 4;
    } else if (wire === 1) {
      value = Number(new DataView(buf.buffer, buf.byteOffset + at, 8).getBigUint64(0, true));
      at += 8;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

/** The operator types and initializers of an ONNX model (ModelProto.graph: nodes 1, initializers 5). */
function readOnnx(bytes: Uint8Array): { ops: string[]; tensors: Map<string, Tensor> } {
  const graph = fields(fields(bytes).get(7)![0] as Uint8Array);
  const text = (b: unknown): string => new TextDecoder().decode(b as Uint8Array);
  const ops = (graph.get(1) ?? []).map((node) => text(fields(node as Uint8Array).get(4)![0]));
  const tensors = new Map<string, Tensor>();
  for (const t of graph.get(5) ?? []) {
    const f = fields(t as Uint8Array);
    const name = text(f.get(8)![0]);
    tensors.set(name, {
      name,
      dims: (f.get(1) ?? []) as number[],
      dataType: f.get(2)![0] as number,
      raw: f.get(9)![0] as Uint8Array,
    });
  }
  return { ops, tensors };
}

/** BERT's punctuation: the ASCII symbols and every Unicode punctuation character. */
const isPunctuation = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) || /\p{P}/u.test(ch)
  );
};
const isChinese = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x20000 && c <= 0x2a6df) ||
  (c >= 0x2a700 && c <= 0x2b73f) ||
  (c >= 0x2b740 && c <= 0x2b81f) ||
  (c >= 0x2b820 && c <= 0x2ceaf) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x2f800 && c <= 0x2fa1f);

/**
 * BertNormalizer (clean text, spaces around Chinese characters, lower case, accents stripped) then BertPreTokenizer.
 */
export function bertWords(text: string): string[] {
  let clean = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0 || c === 0xfffd || (/\p{C}/u.test(ch) && !/[\t\n\r]/.test(ch))) continue;
    clean += /\s/.test(ch) ? ' ' : isChinese(c) ? ` ${ch} ` : ch;
  }
  const normal = clean
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
  const words: string[] = [];
  for (const chunk of normal.split(/\s+/)) {
    let word = '';
    for (const ch of chunk) {
      if (isPunctuation(ch)) {
        if (word) words.push(word);
        words.push(ch);
        word = '';
      } else word += ch;
    }
    if (word) words.push(word);
  }
  return words;
}

export class StaticModel {
  private constructor(
    private readonly vocab: Map<string, number>,
    private readonly rows: Int8Array,
    private readonly scales: Float32Array,
    readonly dim: number,
    private readonly special: { cls: number; sep: number; unk: number },
  ) {}

  /** The model in `dir` when it is a static table of word vectors; undefined for any other model. */
  static load(dir: string): StaticModel | undefined {
    const onnxPath = join(dir, 'onnx', 'model.onnx');
    if (!existsSync(onnxPath) || !existsSync(join(dir, 'tokenizer.json'))) return undefined;
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { architectures?: string[] };
    if (!config.architectures?.includes('StaticEmbedding')) return undefined;
    const { ops, tensors } = readOnnx(new Uint8Array(readFileSync(onnxPath)));
    const q = tensors.get('q');
    const scale = tensors.get('scale');
    if (ops.join() !== STATIC_OPS.join() || q?.dataType !== INT8 || scale?.dataType !== FLOAT || q.dims.length !== 2)
      return undefined;
    const vocab = readVocabulary(dir);
    if (!vocab) return undefined;
    const rows = new Int8Array(q.raw.buffer.slice(q.raw.byteOffset, q.raw.byteOffset + q.raw.byteLength));
    const scales = new Float32Array(
      scale.raw.buffer.slice(scale.raw.byteOffset, scale.raw.byteOffset + scale.raw.byteLength),
    );
    const id = (t: string): number => vocab.get(t) ?? -1;
    return new StaticModel(vocab, rows, scales, q.dims[1]!, { cls: id('[CLS]'), sep: id('[SEP]'), unk: id('[UNK]') });
  }

  /** WordPiece ids of a text, [CLS] … [SEP], at most 512. */
  tokenIds(text: string): number[] {
    const ids = [this.special.cls];
    for (const word of bertWords(text)) {
      if (word.length > 100) {
        ids.push(this.special.unk);
        continue;
      }
      const pieces: number[] = [];
      let start = 0;
      while (start < word.length) {
        let end = word.length;
        let found = -1;
        while (start < end) {
          const piece = (start > 0 ? '##' : '') + word.slice(start, end);
          const id = this.vocab.get(piece);
          if (id !== undefined) {
            found = id;
            break;
          }
          end--;
        }
        if (found < 0) {
          pieces.length = 0;
          pieces.push(this.special.unk);
          break;
        }
        pieces.push(found);
        start = end;
      }
      ids.push(...pieces);
    }
    return [...ids.slice(0, MAX_TOKENS - 1), this.special.sep];
  }

  /** The normalised mean of a text's token vectors. */
  embed(text: string): Float32Array {
    const ids = this.tokenIds(text);
    const sum = new Float32Array(this.dim);
    for (const id of ids) {
      const scale = this.scales[id]!;
      for (let d = 0; d < this.dim; d++) sum[d] = sum[d]! + this.rows[id * this.dim + d]! * scale;
    }
    let norm = 0;
    for (let d = 0; d < this.dim; d++) {
      sum[d] = sum[d]! / ids.length;
      norm += sum[d]! * sum[d]!;
    }
    // As transformers.js normalises: a text with no word the model knows (only stop words) comes out NaN, which
    // the callers read as "no dense evidence".
    norm = Math.sqrt(norm);
    return sum.map((x) => x / norm);
  }
}
