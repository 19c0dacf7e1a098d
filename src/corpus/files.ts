/**
 * Reading report files from CORPUS_DIR: the I/O edge of the corpus. Each bad file is
 * reported with its name and skipped; the others still load.
 */
import { createHash } from '../hash.js';
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigError, describeError, ReportFileError } from '../errors.js';
import { reportIdFromFileName } from './parse.js';
import type { ReportMeta } from './types.js';
import { markdownReaderText } from './formats/markdown.js';
import { formatOfName, type Converted } from './formats/registry.js';

export type { Converted } from './formats/registry.js';

const SIDECAR_FIELDS = [
  'title',
  'shortTitle',
  'url',
  'issuer',
  'date',
  'documentNumber',
  'indexNumber',
  'addressee',
  'examples',
  'examplesZh',
] as const;
const LIST_FIELDS = new Set(['examples', 'examplesZh']);

/** The sidecar of a report file: `<name-without-extension>.meta.json` beside it. */
export const sidecarName = (name: string): string => name.replace(/\.[^.]+$/, '.meta.json');

/** Reads `<name-without-extension>.meta.json` beside a report, if there is one. */
function readSidecar(dir: string, name: string): { meta: Partial<ReportMeta>; raw: string } | undefined {
  const path = resolve(dir, sidecarName(name));
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new ReportFileError(name, `its metadata file ${sidecarName(name)} is not valid JSON.`);
  }
  const meta: Record<string, unknown> = {};
  for (const key of SIDECAR_FIELDS) {
    const value = parsed[key];
    // Only a web address becomes a link button.
    if (key === 'url' && (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value))) continue;
    if (
      LIST_FIELDS.has(key)
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === 'string'
    )
      meta[key] = value;
  }
  return { meta: meta, raw };
}

/** Formats converted to text when indexed (corpus/formats/registry.ts); their bytes are hashed as they are. */
export const isConverted = (name: string): boolean => !!formatOfName(name)?.convert;
/** Larger files are refused: no government report is 20 MB of text. */
const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * What a file looked like when it was last read: size, modification time and inode of the
 * report and of its sidecar. The same stamp means the same content without reading it.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  /** "size:mtime:inode" of the sidecar, "" when there is none. */
  sidecar: string;
}

export interface ReportFile {
  id: string;
  /** File name relative to the corpus directory. */
  file: string;
  /** sha256 of the bytes (and of the sidecar): a changed hash means a changed report. */
  hash: string;
  stamp?: FileStamp | undefined;
  /** Metadata from the optional sidecar `<name>.meta.json`; it overrides what parsing finds. */
  sidecar?: Partial<ReportMeta> | undefined;
}

export interface CorpusScan {
  files: ReportFile[];
  errors: ReportFileError[];
}

/** Lists report files (not hidden, known extensions), sorted for a stable order. */
export function listReportFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ConfigError(
      `CORPUS_DIR (${dir}) is not a directory: create it, or set CORPUS_DIR to the folder holding the reports.`,
    );
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && formatOfName(f))
    .sort();
}

/** Reads one report file, refusing what is not a readable UTF-8 text file inside `dir`. */
export function readReportFile(dir: string, name: string): ReportFile & { text: string; bytes?: Buffer } {
  const path = resolve(dir, name);
  if (relative(resolve(dir), path).startsWith('..'))
    throw new ReportFileError(name, 'is outside the corpus directory; refused.');
  let bytes: Buffer;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink() && relative(realpathSync(dir), realpathSync(path)).startsWith('..')) {
      throw new ReportFileError(name, 'is a symbolic link pointing outside the corpus directory; refused.');
    }
    // A FIFO, socket or device named like a report would block the read (and the ingest lock) forever.
    if (!(stat.isSymbolicLink() ? statSync(path) : stat).isFile())
      throw new ReportFileError(name, 'is not a regular file; refused.');
    if (stat.size > MAX_REPORT_BYTES)
      throw new ReportFileError(
        name,
        `is ${Math.round(stat.size / 1048576)} MB; reports over ${MAX_REPORT_BYTES / 1048576} MB are refused.`,
      );
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(
      name,
      code === 'ENOENT'
        ? 'disappeared while being read; it will be picked up on the next ingest.'
        : `cannot be read (${code ?? String(error)}).`,
    );
  }
  const sidecarFile = readSidecar(dir, name);
  const hashOf = (): string =>
    createHash('sha256')
      .update(bytes)
      .update(sidecarFile?.raw ?? '')
      .digest('hex');
  // PDF, Word and HTML are checked when converted (loadReport); here they are only hashed.
  if (isConverted(name))
    return { id: reportIdFromFileName(name), file: name, text: '', hash: hashOf(), sidecar: sidecarFile?.meta, bytes };
  if (bytes.includes(0))
    throw new ReportFileError(name, 'looks binary (contains NUL bytes); only UTF-8 text or Markdown is accepted.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ReportFileError(name, 'is not valid UTF-8; convert it (e.g. iconv -f GB18030 -t UTF-8) and try again.');
  }
  // A Markdown report is quoted as its reader sees it: links as their words, no tags or marks.
  if (formatOfName(name)?.name === 'markdown') text = markdownReaderText(text);
  if (!text.trim()) throw new ReportFileError(name, 'is empty.');
  return { id: reportIdFromFileName(name), file: name, text, hash: hashOf(), sidecar: sidecarFile?.meta };
}

/** A report's text ready to parse: read, and converted from PDF, Word or HTML where needed. */
export interface LoadedReport {
  text: string;
  hash: string;
  sidecar?: Partial<ReportMeta> | undefined;
  /** The layout of a converted text (parseReport); undefined: by the file's extension. */
  layout?: 'markdown' | 'text' | undefined;
  /** Where each page of a PDF starts in `text`. */
  pageStarts?: number[] | undefined;
}

export interface LoadOptions {
  /** Converted text beyond this many characters is refused. */
  maxTextChars?: number | undefined;
  /** The dictionary, for the line-end hyphens of a PDF the report itself does not settle. */
  isWord?: ((word: string) => boolean) | undefined;
  /** Converts elsewhere (ingest: a child process with time and memory limits); default: here, with convertReport. */
  convert?: ((name: string, bytes: Buffer) => Promise<Converted>) | undefined;
}

/** Reads and, for PDF, Word and HTML, converts one report; a file that cannot be converted is a ReportFileError. */
export async function loadReport(
  dir: string,
  name: string,
  { maxTextChars = MAX_REPORT_BYTES, isWord, convert }: LoadOptions = {},
): Promise<LoadedReport> {
  const read = readReportFile(dir, name);
  if (!read.bytes) return read;
  const { bytes } = read;
  if (!bytes.toString('latin1').trim()) throw new ReportFileError(name, 'is empty.');
  // A page address that later served another kind of file: say what it is rather than fail inside the wrong converter.
  if (!/\.pdf$/i.test(name) && bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new ReportFileError(name, 'is a PDF saved under another extension; rename it to .pdf.');
  let converted: Converted;
  try {
    converted = await (convert ? convert(name, bytes) : convertReport(name, bytes, isWord));
  } catch (error) {
    // Any failure inside a converter's library (Readability, PDF.js, mammoth: a stack overflow on a page nested
    // thousands deep included) is this file's problem only: it is named and skipped, the others are indexed.
    if (error instanceof ReportFileError) throw error;
    throw new ReportFileError(name, `could not be converted (${describeError(error)}); skipped.`);
  }
  if (!/\p{L}/u.test(converted.text)) throw new ReportFileError(name, 'has no text once converted; skipped.');
  // The same limit as a text report: a small file may convert to far more text (a 234 KB .docx gave 38 MB).
  if (converted.text.length > maxTextChars)
    throw new ReportFileError(
      name,
      `gives ${Math.round(converted.text.length / 1048576)} MB of text once converted; reports over ${Math.round(maxTextChars / 1048576)} MB are refused.`,
    );
  return {
    text: converted.text,
    hash: read.hash,
    sidecar: read.sidecar,
    layout: converted.layout,
    pageStarts: converted.pageStarts,
  };
}

/**
 * Converts a PDF, Word or HTML report (corpus/formats/registry.ts has each format's converter).
 * @throws ReportFileError for a file that is no report format or one that is not converted
 */
export async function convertReport(
  name: string,
  bytes: Buffer,
  isWord?: (word: string) => boolean,
): Promise<Converted> {
  const format = formatOfName(name);
  if (!format?.convert) throw new ReportFileError(name, 'is not a format that is converted (PDF, Word, HTML).');
  return format.convert(bytes, name, isWord);
}

/** The stamp of a report file and its sidecar, or undefined when it cannot be stat'ed (reading will say why). */
export function stampOf(dir: string, name: string): FileStamp | undefined {
  try {
    const s = statSync(resolve(dir, name));
    const side = statSync(resolve(dir, sidecarName(name)), { throwIfNoEntry: false });
    return {
      size: s.size,
      mtimeMs: s.mtimeMs,
      ino: s.ino,
      sidecar: side ? `${side.size}:${side.mtimeMs}:${side.ino}` : '',
    };
  } catch {
    return undefined;
  }
}

const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.sidecar === b.sidecar;

/**
 * Reads every report file in `dir` (to check and hash it; no text is kept: ingest reads each
 * again when it indexes it, so a thousand texts are never held at once); bad files and
 * duplicate ids go to `errors`. A file whose
 * stamp is the one `known` gives for it is not read again: its known hash stands (so an
 * up-to-date check at 1,000 reports stats files instead of reading and hashing 50 MB).
 */
export function scanCorpus(
  dir: string,
  known?: (file: string) => { stamp?: FileStamp | undefined; hash: string } | undefined,
): CorpusScan {
  const files: ReportFile[] = [];
  const errors: ReportFileError[] = [];
  const seen = new Map<string, string>();
  for (const name of listReportFiles(dir)) {
    try {
      const stamp = stampOf(dir, name);
      const before = known?.(name);
      const file: ReportFile =
        before && sameStamp(stamp, before.stamp)
          ? { id: reportIdFromFileName(name), file: name, hash: before.hash, stamp }
          : { id: reportIdFromFileName(name), file: name, hash: readReportFile(dir, name).hash, stamp };
      const other = seen.get(file.id);
      if (other)
        throw new ReportFileError(name, `has the same report id "${file.id}" as ${other}; rename one of them.`);
      seen.set(file.id, name);
      files.push(file);
    } catch (error) {
      errors.push(error instanceof ReportFileError ? error : new ReportFileError(name, String(error)));
    }
  }
  return { files, errors };
}
