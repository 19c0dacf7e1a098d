/**
 * Writes a model folder in the transformers.js layout around an ONNX graph written by hand
 * (no Python package needed):
 *
 *   <out>/config.json, tokenizer.json, vocab.txt, tokenizer_config.json, onnx/model.onnx
 *
 * The graph is one Gather over an embedding matrix (output `last_hidden_state`), float or
 * int8 with a scale per row. Used by `npm run build:static-model` (the bundled offline model)
 * and by the tests' tiny model (test/helpers/tiny-model.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

// --- minimal protobuf writer -------------------------------------------------------
function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
const tag = (field: number, wire: number): number[] => varint((field << 3) | wire);
const int = (field: number, n: number): number[] => [...tag(field, 0), ...varint(n)];
const bytes = (field: number, data: Uint8Array | number[]): number[] => [
  ...tag(field, 2),
  ...varint(data.length),
  ...data,
];
const str = (field: number, s: string): number[] => bytes(field, [...Buffer.from(s, 'utf8')]);

const FLOAT = 1;
const INT64 = 7;
function valueInfo(name: string, elemType: number, dims: (number | string)[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  const tensorType = [...int(1, elemType), ...bytes(2, shape)];
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
}

const INT8 = 3;
const attr = (name: string, ints: number): number[] => [...str(1, name), ...int(3, ints), ...int(20, 2)];
const nodeProto = (inputs: string[], output: string, name: string, op: string, attrs: number[][] = []): number[] => [
  ...inputs.flatMap((i) => str(1, i)),
  ...str(2, output),
  ...str(3, name),
  ...str(4, op),
  ...attrs.flatMap((a) => bytes(5, a)),
];

function modelProto(nodes: number[][], initializers: number[][], dim: number): Uint8Array {
  const graph = [
    ...nodes.flatMap((n) => bytes(1, n)),
    ...str(2, 'gather-embedder'),
    ...initializers.flatMap((t) => bytes(5, t)),
    ...bytes(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...bytes(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    ...bytes(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim])),
  ];
  return Uint8Array.from([
    ...int(1, 8),
    ...str(2, 'report-quote-bot'),
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ''), ...int(2, 13)]),
  ]);
}

const rawBytes = (a: Float32Array | Int8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** ONNX model: last_hidden_state = Gather(embeddings, input_ids); attention_mask is declared for transformers.js. */
export function onnxGatherModel(matrix: Float32Array, vocabSize: number, dim: number): Uint8Array {
  const initializer = [
    ...int(1, vocabSize),
    ...int(1, dim),
    ...int(2, FLOAT),
    ...str(8, 'embeddings'),
    ...bytes(9, rawBytes(matrix)),
  ];
  return modelProto(
    [nodeProto(['embeddings', 'input_ids'], 'last_hidden_state', 'gather', 'Gather', [attr('axis', 0)])],
    [initializer],
    dim,
  );
}

/**
 * The same with int8 rows and one float scale per row (a quarter of the size):
 * last_hidden_state = Cast(Gather(q, ids)) × Gather(scale, ids).
 */
export function onnxQuantizedGatherModel(
  rows: Int8Array,
  scales: Float32Array,
  vocabSize: number,
  dim: number,
): Uint8Array {
  const q = [...int(1, vocabSize), ...int(1, dim), ...int(2, INT8), ...str(8, 'q'), ...bytes(9, rawBytes(rows))];
  const scale = [
    ...int(1, vocabSize),
    ...int(1, 1),
    ...int(2, FLOAT),
    ...str(8, 'scale'),
    ...bytes(9, rawBytes(scales)),
  ];
  const nodes = [
    nodeProto(['q', 'input_ids'], 'gathered', 'gather_q', 'Gather', [attr('axis', 0)]),
    nodeProto(['gathered'], 'gathered_f', 'cast', 'Cast', [attr('to', FLOAT)]),
    nodeProto(['scale', 'input_ids'], 'row_scale', 'gather_scale', 'Gather', [attr('axis', 0)]),
    nodeProto(['gathered_f', 'row_scale'], 'last_hidden_state', 'scale_rows', 'Mul'),
  ];
  return modelProto(nodes, [q, scale], dim);
}

// --- vocabulary and vectors --------------------------------------------------------
/** BERT-style basic tokenisation: lower case, split on whitespace and punctuation. */
export function basicTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/**
 * Writes a transformers.js model folder around an ONNX graph: a BERT-style WordPiece
 * tokenizer over `vocab` (token → row of the graph's matrix), config and tokenizer config.
 * `vocab` must hold the special tokens [PAD] [UNK] [CLS] [SEP] [MASK].
 */
export function writeModelFolder(
  outDir: string,
  vocab: Record<string, number>,
  onnx: Uint8Array,
  dim: number,
  extraConfig: Record<string, unknown> = {},
): string {
  mkdirSync(join(outDir, 'onnx'), { recursive: true });
  writeFileSync(join(outDir, 'onnx', 'model.onnx'), onnx);
  // BERT's own vocabulary file (token on line id): read in a fraction of the time tokenizer.json's object takes.
  const byId: string[] = [];
  for (const [token, id] of Object.entries(vocab)) byId[id] = token;
  writeFileSync(join(outDir, 'vocab.txt'), `${Array.from(byId, (t) => t ?? '[unused]').join('\n')}\n`);
  const special = (t: string) => ({
    id: vocab[t],
    content: t,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  writeFileSync(
    join(outDir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: SPECIAL.map(special),
      normalizer: {
        type: 'BertNormalizer',
        clean_text: true,
        handle_chinese_chars: true,
        strip_accents: null,
        lowercase: true,
      },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: {
        type: 'TemplateProcessing',
        single: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } },
          { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: '[SEP]', type_id: 0 } },
        ],
        pair: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } },
          { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: '[SEP]', type_id: 0 } },
          { Sequence: { id: 'B', type_id: 1 } },
          { SpecialToken: { id: '[SEP]', type_id: 1 } },
        ],
        special_tokens: {
          '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
          '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
        },
      },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: {
        type: 'WordPiece',
        unk_token: '[UNK]',
        continuing_subword_prefix: '##',
        max_input_chars_per_word: 100,
        vocab,
      },
    }),
  );
  writeFileSync(
    join(outDir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(
    join(outDir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      hidden_size: dim,
      vocab_size: Object.keys(vocab).length,
      max_position_embeddings: 512,
      ...extraConfig,
    }),
  );
  return outDir;
}

export { SPECIAL };
