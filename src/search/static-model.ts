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
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ModelChangedError } from '../errors.js';

/**
 * The graph `build-static-model.ts` writes: Gather(q) → Cast → Mul(Gather(scale)). Anything else goes through
 * transformers.js.
 */
const STATIC_OPS = ['Gather', 'Cast', 'Gather', 'Mul'];
const MAX_TOKENS = 512;
const INT8 = 3;
const FLOAT = 1;

/** Lookups answered by searching vocab.txt's text before building a Map of it (a question needs tens; a report, millions). */
const SEARCHED_LOOKUPS = 500;

/** A WordPiece vocabulary: token → id. */
interface Vocabulary {
  get(token: string): number | undefined;
}

/**
 * BERT's `vocab.txt` (the token on line `id`), searched in its own text until it has been asked SEARCHED_LOOKUPS times,
 * then read into a Map: a Map of 50,000 tokens costs 20–35 ms to build, more than a one-question CLI's lookups.
 */
class LineVocabulary implements Vocabulary {
  private readonly text: string;
  private lineStarts?: Int32Array;
  private map?: Map<string, number>;
  private lookups = 0;

  constructor(lines: string) {
    this.text = `\n${lines.replace(/\r/g, '')}\n`;
  }

  get(token: string): number | undefined {
    if (this.map) return this.map.get(token);
    if (++this.lookups > SEARCHED_LOOKUPS) {
      this.map = new Map();
      const tokens = this.text.slice(1).split('\n');
      for (let id = 0; id < tokens.length; id++)
        if (tokens[id] && !this.map.has(tokens[id]!)) this.map.set(tokens[id]!, id);
      return this.map.get(token);
    }
    if (!token || token.includes('\n')) return undefined;
    // Searched for as `token\n` preceded by a line break: a pattern that opens with the line break, a character every
    // few bytes, is five times slower to find.
    const line = `${token}\n`;
    let at = this.text.indexOf(line, 1);
    while (at >= 0 && this.text.charCodeAt(at - 1) !== 10) at = this.text.indexOf(line, at + 1);
    return at < 0 ? undefined : this.lineOf(at);
  }

  /** The number (from 0) of the line that starts at `start`. */
  private lineOf(start: number): number {
    if (!this.lineStarts) {
      const starts: number[] = [];
      for (let at = 0; at >= 0 && at < this.text.length - 1; at = this.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = Int32Array.from(starts);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.lineStarts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The vocabulary of `dir`: vocab.txt when the folder has one, else tokenizer.json's; undefined for another kind. */
function readVocabulary(dir: string): Vocabulary | undefined {
  const lines = join(dir, 'vocab.txt');
  if (existsSync(lines)) return new LineVocabulary(readFileSync(lines, 'utf8'));
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as {
    model: { type: string; vocab: Record<string, number> };
  };
  return json.model.type === 'WordPiece' ? new Map(Object.entries(json.model.vocab)) : undefined;
}

/** Where a length-delimited protobuf value lies in the file. */
interface Span {
  offset: number;
  length: number;
}

/** Bytes at an offset of a file. */
type ReadAt = (offset: number, length: number) => Uint8Array;

const WINDOW = 64 * 1024;

/** Reads a file a window at a time: the ONNX file's headers without its 5 MB table. */
function windowOn(fd: number): ReadAt {
  let window = new Uint8Array(0);
  let windowStart = 0;
  return (offset, length) => {
    if (offset < windowStart || offset + length > windowStart + window.length) {
      const buf = Buffer.allocUnsafe(Math.max(length, WINDOW));
      window = buf.subarray(0, readSync(fd, buf, 0, buf.length, offset));
      windowStart = offset;
    }
    return window.subarray(offset - windowStart, offset - windowStart + length);
  };
}

/** Protocol-buffer fields of the message at `span`: field number → values (varints as numbers, the others as spans). */
function fields(read: ReadAt, span: Span): Map<number, (number | Span)[]> {
  const out = new Map<number, (number | Span)[]>();
  let at = span.offset;
  const varint = (): number => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = read(at++, 1)[0]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  while (at < span.offset + span.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    let value: number | Span;
    if (wire === 0) value = varint();
    else if (wire === 2) value = { offset: 0, length: varint() };
    else if (wire === 5) value = { offset: 0, length: 4 };
    else if (wire === 1) value = { offset: 0, length: 8 };
    else throw new Error(`unsupported protobuf wire type ${wire}`);
    if (typeof value !== 'number') {
      value.offset = at;
      at += value.length;
    }
    const values = out.get(field);
    if (values) values.push(value);
    else out.set(field, [value]);
  }
  return out;
}

interface Tensor {
  name: string;
  dims: number[];
  dataType: number;
  raw: Span;
}

/** The operator types and initializers of an ONNX model (ModelProto.graph: nodes 1, initializers 5), data in place. */
function readOnnx(read: ReadAt, size: number): { ops: string[]; tensors: Map<string, Tensor> } {
  const graph = fields(read, fields(read, { offset: 0, length: size }).get(7)![0] as Span);
  const text = (s: number | Span | undefined): string =>
    new TextDecoder().decode(read((s as Span).offset, (s as Span).length));
  const ops = (graph.get(1) ?? []).map((node) => text(fields(read, node as Span).get(4)![0]));
  const tensors = new Map<string, Tensor>();
  for (const t of graph.get(5) ?? []) {
    const f = fields(read, t as Span);
    const name = text(f.get(8)![0]);
    const [dims, dataType, raw] = [(f.get(1) ?? []) as number[], f.get(2)![0] as number, f.get(9)![0] as Span];
    tensors.set(name, { name, dims, dataType, raw });
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

/** The table of word vectors in the ONNX file: where its rows start, read a row at a time as texts need them. */
interface Table {
  path: string;
  offset: number;
  /** The file as it was at load (size and modification time): rows are read from that file only. */
  version: string;
  /** The rows read so far (a row of zeros until read) and which ones those are. */
  rows: Int8Array;
  loaded: Uint8Array;
}

/** Size and modification time of an open file. */
const versionOf = (fd: number): string => {
  const { size, mtimeMs } = fstatSync(fd);
  return `${size}:${mtimeMs}`;
};

export class StaticModel {
  private constructor(
    private readonly vocab: Vocabulary,
    private readonly table: Table,
    private readonly scales: Float32Array,
    readonly dim: number,
    private readonly special: { cls: number; sep: number; unk: number },
  ) {}

  /** The model in `dir` when it is a static table of word vectors; undefined for any other model. */
  static load(dir: string): StaticModel | undefined {
    const path = join(dir, 'onnx', 'model.onnx');
    if (!existsSync(path) || !existsSync(join(dir, 'tokenizer.json'))) return undefined;
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { architectures?: string[] };
    if (!config.architectures?.includes('StaticEmbedding')) return undefined;
    const fd = openSync(path, 'r');
    try {
      const read = windowOn(fd);
      const { ops, tensors } = readOnnx(read, fstatSync(fd).size);
      const version = versionOf(fd);
      const q = tensors.get('q');
      const scale = tensors.get('scale');
      if (ops.join() !== STATIC_OPS.join() || q?.dataType !== INT8 || scale?.dataType !== FLOAT || q.dims.length !== 2)
        return undefined;
      const vocab = readVocabulary(dir);
      if (!vocab) return undefined;
      const [count, dim] = q.dims as [number, number];
      if (q.raw.length !== count * dim) return undefined;
      const scales = new Float32Array(read(scale.raw.offset, scale.raw.length).slice().buffer);
      const table = {
        path,
        offset: q.raw.offset,
        version,
        rows: new Int8Array(count * dim),
        loaded: new Uint8Array(count),
      };
      const id = (t: string): number => vocab.get(t) ?? -1;
      return new StaticModel(vocab, table, scales, dim, { cls: id('[CLS]'), sep: id('[SEP]'), unk: id('[UNK]') });
    } finally {
      closeSync(fd);
    }
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
    const rows = this.rowsOf(ids);
    const sum = new Float32Array(this.dim);
    for (const id of ids) {
      const scale = this.scales[id]!;
      for (let d = 0; d < this.dim; d++) sum[d] = sum[d]! + rows[id * this.dim + d]! * scale;
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

  /** The table with the rows of `ids` read: a question reads its own few, a report each token it uses once. */
  private rowsOf(ids: number[]): Int8Array {
    const { rows, loaded, path, offset, version } = this.table;
    const missing = ids.filter((id) => loaded[id] === 0);
    if (missing.length === 0) return rows;
    const fd = openSync(path, 'r');
    try {
      // Rows of a rebuilt model would be mixed with the old one's: stop instead of answering with wrong vectors.
      if (versionOf(fd) !== version) throw new ModelChangedError(path);
      for (const id of missing) {
        if (loaded[id]) continue;
        readSync(fd, rows, id * this.dim, this.dim, offset + id * this.dim);
        loaded[id] = 1;
      }
    } finally {
      closeSync(fd);
    }
    return rows;
  }
}
