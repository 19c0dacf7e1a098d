/**
 * Writes one index generation (store.ts has the layout): each report's text, chunks, words and
 * vectors, then the lexical index, the word list and the vector graph, reusing what the previous
 * generation already built for reports that did not change.
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Chunk, ParsedReport } from '../corpus/types.js';
import { IndexError } from '../errors.js';
import { LexicalIndex, LexicalIndexBuilder, MemoryPostingPages, PAGE } from './bm25.js';
import { rowTerms, type ChunkTerms } from './corpus-index.js';
import { openLexicalData, writeLexicalFile } from './lexical-file.js';
import { joinLexical } from './lexical-segments.js';
import { encodeReportBody } from './report-file.js';
import type { AcronymPair } from './acronym-terms.js';
import { VectorIndex } from './vector-index.js';
import { addWordCounts, writeFileDurable, type GenerationFiles } from './index-format.js';
import { wordCounts } from './tokenize.js';
/**
 * Postings of lexical.bin held at once when a full ingest writes it (16 M: 96 MB; at 10,000 reports the file's 190 M
 * postings were built whole, 1.1 GB, the ingest's peak).
 */
const LEXICAL_BATCH = 16 << 20;

export class GenerationWriter {
  constructor(
    private readonly store: GenerationFiles,
    readonly name: string,
    readonly dir: string,
  ) {}

  writeReport(report: ParsedReport, chunks: Chunk[], acronyms: AcronymPair[]): void {
    writeFileDurable(join(this.dir, 'reports', `${report.id}.bin`), encodeReportBody(report, acronyms));
    const flat = Int32Array.from(chunks.flatMap((c) => [c.paragraph, c.start, c.end]));
    writeFileDurable(join(this.dir, 'chunks', `${report.id}.i32`), new Uint8Array(flat.buffer));
    const words = wordCounts([report.text]);
    writeFileDurable(join(this.dir, 'words', `${report.id}.tsv`), [...words].map(([w, n]) => `${w}\t${n}`).join('\n'));
  }

  /** Reports indexed in this generation, in order, with their chunk counts, and the builder they went into. */
  private readonly streamedReports: ReportChunkCount[] = [];
  private streamed?: LexicalIndexBuilder;

  /** A lexical builder whose postings wait in a scratch file of this generation, not in memory. */
  private newBuilder(name: string): LexicalIndexBuilder {
    return new LexicalIndexBuilder(new FilePostingPages(join(this.dir, `postings-${name}.tmp`)));
  }

  /** Indexes a written report's chunks (their terms) for lexical.bin. */
  indexChunkTerms(id: string, terms: ChunkTerms[]): void {
    this.streamed ??= this.newBuilder('new');
    for (const t of terms) this.streamed.addCounts(t.counts, t.length);
    this.streamedReports.push({ id, chunkCount: terms.length });
  }

  /**
   * Writes a lexical index file (lexical.bin, or the tail's) over `reports` (in that order); returns its byte size.
   * Reports indexed in this generation (indexChunkTerms) bring their documents; a carried-over report's are taken from
   * the previous generation's lexical files (`previous.files`, read as one index of `previous.reports`;
   * LexicalIndex.concat: no report is read), or, when those cannot be read, indexed again from the report's stored
   * text and chunks.
   */
  writeLexicalIndex(
    file: string,
    reports: ReportChunkCount[],
    previous?: { files: string[]; reports: ReportChunkCount[] },
  ): number {
    // Every report indexed in this generation, in order (a full ingest): written a batch of terms at a time.
    const streamed = this.streamedReports;
    if (
      this.streamed &&
      streamed.length === reports.length &&
      reports.every((r, i) => r.id === streamed[i]!.id && r.chunkCount === streamed[i]!.chunkCount)
    ) {
      try {
        return writeLexicalFile(join(this.dir, file), this.streamed.inBatches(LEXICAL_BATCH));
      } finally {
        this.streamed.dispose();
      }
    }
    const parts = new Map<string, { index: LexicalIndex; start: number; count: number }>();
    const addParts = (index: LexicalIndex, list: ReportChunkCount[]): void => {
      let start = 0;
      for (const r of list) {
        if (!parts.has(r.id)) parts.set(r.id, { index, start, count: r.chunkCount });
        start += r.chunkCount;
      }
    };
    try {
      if (this.streamed) addParts(this.streamed.build(), this.streamedReports);
      const carried = (): ReportChunkCount[] => reports.filter((r) => !parts.has(r.id));
      const before = carried().length && previous ? readPreviousLexical(previous.files, previous.reports) : undefined;
      if (before && previous) addParts(before, previous.reports);
      const again = carried();
      if (again.length) addParts(this.indexAgain(again), again);
    } finally {
      this.streamed?.dispose();
    }
    // A batch of terms at a time: the previous index is read from its files as each batch needs it.
    return writeLexicalFile(
      join(this.dir, file),
      LexicalIndex.concatInBatches(
        reports.map((r) => parts.get(r.id)!),
        LEXICAL_BATCH,
      ),
    );
  }

  /** A lexical index of reports already written to this generation, from their stored text and chunks. */
  private indexAgain(reports: ReportChunkCount[]): LexicalIndex {
    const builder = this.newBuilder('again');
    try {
      for (const { id, chunkCount } of reports)
        for (const t of rowTerms(
          this.store.readReport(this.dir, id),
          id,
          this.store.readChunks(this.dir, id, chunkCount),
        ))
          builder.addCounts(t.counts, t.length);
      return builder.build();
    } finally {
      builder.dispose();
    }
  }

  /**
   * words.tsv: every report's words with their counts, summed in the reports' order (what typo correction compares
   * against), read at the first question. When the first `carried` reports are the previous generation's, unchanged
   * and in its order, its words.tsv (in `previousDir`) stands for them: the same counts in the same order, without
   * reading every report's words again (at 10,000 reports, 1.4 s of adding one).
   * @param compoundsOf the closed compounds among the words (vocabulary.ts compoundsIn), when a dictionary is at hand
   */
  writeVocabulary(
    reportIds: string[],
    previousDir?: string,
    carried = 0,
    compoundsOf?: (words: Iterable<string>) => Map<string, string[]>,
  ): void {
    const total = new Map<string, number>();
    let from = 0;
    try {
      if (previousDir) {
        addWordCounts(join(previousDir, 'words.tsv'), total);
        from = carried;
      }
    } catch {
      total.clear(); // unreadable: summed from every report
    }
    for (const id of reportIds.slice(from)) addWordCounts(join(this.dir, 'words', `${id}.tsv`), total);
    writeFileDurable(join(this.dir, 'words.tsv'), [...total].map(([w, n]) => `${w}\t${n}`).join('\n'));
    // compounds.tsv: the words' closed compounds by part ("govern<TAB>governmentwid"), found once here rather than by
    // every process that answers a question.
    const compounds = compoundsOf?.(total.keys());
    if (compounds)
      writeFileDurable(
        join(this.dir, 'compounds.tsv'),
        [...compounds].map(([t, w]) => `${t}\t${w.join(',')}`).join('\n'),
      );
  }

  /** A report's chunk vectors, one row each, in chunk order. */
  writeVectors(id: string, flat: Float32Array): void {
    writeFileDurable(
      join(this.dir, 'vectors', `${id}.f32`),
      new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength),
    );
  }

  /** Reuses an unchanged report's files from the previous generation without copying (hard links). */
  carryOver(previousDir: string, id: string, withVectors: boolean): void {
    const files = [
      join('reports', `${id}.bin`),
      join('chunks', `${id}.i32`),
      join('words', `${id}.tsv`),
      ...(withVectors ? [join('vectors', `${id}.f32`)] : []),
    ];
    for (const f of files) this.takeOver(previousDir, f);
  }

  /** A file of the previous generation, unchanged, in this one: a hard link, or a copy where links cannot be made. */
  takeOver(previousDir: string, file: string): void {
    try {
      linkSync(join(previousDir, file), join(this.dir, file));
    } catch {
      writeFileDurable(join(this.dir, file), readFileSync(join(previousDir, file)));
    }
  }

  /** Writes an HNSW graph (hnsw.bin, or the tail's) and returns its byte size for the manifest. */
  writeVectorIndex(index: VectorIndex, file: string): number {
    const path = join(this.dir, file);
    index.save(path);
    const fd = openSync(path, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    return statSync(path).size;
  }

  abandon(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Postings spilled to a file page by page (4 MB of term ids, then 2 MB of frequencies per full
 * page), so an ingest of 1,000 reports does not hold its 19 million postings in memory while it
 * streams, nor twice while it builds. The file is a scratch file inside the generation being
 * written: dispose deletes it, and an abandoned generation takes it along.
 */
export class FilePostingPages extends MemoryPostingPages {
  private fd?: number | undefined;

  constructor(private readonly path: string) {
    super();
  }

  /** A full page goes to the file; its arrays are filled again. */
  protected override keepPage(): void {
    this.fd ??= openSync(this.path, 'w+');
    writeFileSync(this.fd, bytesOf(this.terms));
    writeFileSync(this.fd, bytesOf(this.tfs));
  }

  protected override *fullPages(): Iterable<[Int32Array, Uint16Array]> {
    const fd = this.fd;
    if (fd === undefined) return;
    const fullPages = (this.length - this.fill) / PAGE;
    const terms = new Int32Array(PAGE);
    const tfs = new Uint16Array(PAGE);
    for (let k = 0; k < fullPages; k++) {
      readFully(fd, bytesOf(terms), k * PAGE * 6);
      readFully(fd, bytesOf(tfs), k * PAGE * 6 + PAGE * 4);
      yield [terms, tfs];
    }
  }

  override dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.path, { force: true });
    super.dispose();
  }
}

const bytesOf = (a: Int32Array | Uint16Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0)
      throw new IndexError(
        'A scratch postings file ended early while the lexical index was built; run the ingest again.',
      );
    done += n;
  }
}

/** A report and how many chunks (lexical documents) it has. */
export interface ReportChunkCount {
  id: string;
  chunkCount: number;
}

/**
 * The previous generation's lexical index (its main file and its tail's, as one, each term's postings read from the
 * files when needed), if it can be read and holds exactly its reports' chunks. Every term is read once here, which
 * checks it: a damaged file has its reports indexed again rather than failing the ingest halfway.
 */
function readPreviousLexical(files: string[], reports: ReportChunkCount[]): LexicalIndex | undefined {
  try {
    const [main, tail] = files.map((f) => openLexicalData(f));
    const index = tail ? joinLexical(main!, tail) : new LexicalIndex(main!);
    if (index.size !== reports.reduce((n, r) => n + r.chunkCount, 0)) return undefined;
    index.check();
    return index;
  } catch {
    return undefined; // its reports are indexed again from their stored text
  }
}
