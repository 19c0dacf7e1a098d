/**
 * Embeddings. `Embedder` is the interface the rest of the code depends on; the
 * transformers.js implementation sits behind `loadEmbedder`.
 *
 * EMBEDDING_MODEL is a hub id (downloaded once into DATA_DIR/models, the default for
 * real deployments) or a local folder in the transformers.js layout (config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx). A local static model (a table of
 * word vectors: the bundled offline model) is read directly (static-model.ts), without
 * transformers.js. When nothing loads, callers get a ModelUnavailableError and carry on lexically.
 */
import { createHash } from '../hash.js';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { ModelUnavailableError, describeError } from '../errors.js';
import { StaticModel } from './static-model.js';

export interface Embedder {
  /** Model id recorded in the index manifest; a different id means a full rebuild. */
  readonly id: string;
  /** Where it loads from again (a hub id or a local folder, for another process); the id when unsaid. */
  readonly source?: string | undefined;
  readonly dim: number;
  /** Unit vectors for texts; `kind` selects the model's query/passage prefix where it has one. */
  embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
}

/**
 * The bundled offline model (scripts/build-static-model.ts): static English word vectors,
 * used when the configured model cannot be loaded (no internet, hub down) instead of
 * falling back to lexical search alone.
 */
export const OFFLINE_MODEL = join(PACKAGE_ROOT, 'models', 'static-en-100d');

/** How long a first download may take to start before we give up and go lexical. */
const LOAD_TIMEOUT_MS = 60_000;

/** e5 models were trained with these prefixes; others take the text as it is. */
function prefixFor(modelId: string, kind: 'query' | 'passage'): string {
  return /(^|[/-])e5-/i.test(modelId) ? `${kind}: ` : '';
}

/** True when `model` names a local model folder rather than a hub id. */
export function isLocalModel(model: string): boolean {
  return existsSync(model) && statSync(model).isDirectory();
}

/** Bytes of each file of a local model folder read for its id (with its size): enough to tell builds apart cheaply. */
const ID_BYTES = 64 * 1024;

/**
 * What an index records as the model its vectors come from: a hub id as it is; a local folder by its name and a digest
 * of its files (each one's name, size and first bytes), not by where it lies, so an install moved or checked out
 * elsewhere keeps its index (a path as the id had every report embedded again, and every question measuring its
 * report's off-topic level anew, once the path changed).
 */
export function modelId(model: string): string {
  if (!isLocalModel(model)) return model;
  const root = resolve(model);
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const fd = openSync(path, 'r');
        try {
          const head = Buffer.alloc(ID_BYTES);
          const read = readSync(fd, head, 0, ID_BYTES, 0);
          hash.update(`${relative(root, path)}\0${fstatSync(fd).size}\0`).update(head.subarray(0, read));
        } finally {
          closeSync(fd);
        }
      }
    }
  };
  walk(root);
  return `${basename(root)}@${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Loads a feature-extraction model with transformers.js.
 * @param model hub id or path to a local model folder
 * @param cacheDir where hub downloads are kept
 * @param hubEndpoint a hub mirror (HF_ENDPOINT) instead of huggingface.co
 */
export async function loadEmbedder(
  model: string,
  cacheDir: string,
  timeoutMs = LOAD_TIMEOUT_MS,
  hubEndpoint?: string,
): Promise<Embedder> {
  const local = isLocalModel(model);
  // A table of word vectors (the bundled offline model) is read directly: no neural runtime to load for a lookup and an
  // average.
  const table = local ? readStaticModel(model) : undefined;
  if (table)
    return {
      id: modelId(model),
      source: model,
      dim: table.dim,
      embed: (texts, kind) => Promise.resolve(texts.map((t) => table.embed(prefixFor(model, kind) + t))),
    };
  return loadWithTransformers(model, cacheDir, timeoutMs, hubEndpoint);
}

/** Loads any feature-extraction model with transformers.js (onnxruntime). */
export async function loadWithTransformers(
  model: string,
  cacheDir: string,
  timeoutMs = LOAD_TIMEOUT_MS,
  hubEndpoint?: string,
): Promise<Embedder> {
  const local = isLocalModel(model);
  const { pipeline, env } = await import('@xenova/transformers');
  if (hubEndpoint) env.remoteHost = hubEndpoint.endsWith('/') ? hubEndpoint : `${hubEndpoint}/`;
  let modelName = model;
  if (local) {
    env.allowRemoteModels = false;
    env.localModelPath = dirname(resolve(model));
    modelName = basename(resolve(model));
  } else {
    env.allowRemoteModels = true;
    env.cacheDir = cacheDir;
  }
  const quantized = !local || existsSync(resolve(model, 'onnx/model_quantized.onnx'));
  let timer: NodeJS.Timeout | undefined;
  try {
    const extractor = await Promise.race([
      pipeline('feature-extraction', modelName, { quantized }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000}s`)), timeoutMs);
        timer.unref();
      }),
    ]);
    const embed = async (texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> => {
      if (texts.length === 0) return [];
      const prefix = prefixFor(model, kind);
      const output = await extractor(
        texts.map((t) => prefix + t),
        { pooling: 'mean', normalize: true },
      );
      const [rows, dim] = output.dims as [number, number];
      const data = output.data as Float32Array;
      return Array.from({ length: rows }, (_, i) => data.slice(i * dim, (i + 1) * dim));
    };
    const [probe] = await embed(['dimension probe'], 'passage');
    if (!probe) throw new Error('the model returned no vector');
    return { id: local ? modelId(model) : model, source: model, dim: probe.length, embed };
  } catch (error) {
    throw new ModelUnavailableError(model, shortReason(error), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The static model in a local folder, or undefined when it is another kind (or unreadable: transformers.js then says
 * why).
 */
function readStaticModel(model: string): StaticModel | undefined {
  try {
    return StaticModel.load(resolve(model));
  } catch {
    return undefined;
  }
}

function shortReason(error: unknown): string {
  const message = describeError(error);
  return message.split('\n')[0]!.slice(0, 200);
}
