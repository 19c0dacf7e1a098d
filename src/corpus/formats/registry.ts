/**
 * Every report format in one place: its file extensions, the content types a web server labels
 * it with, how its first bytes look, and how it becomes text (converted formats only). The corpus
 * scan, the loader (corpus/files.ts) and the sources poller (notices/sources.ts) all read this list.
 */
/** A converted report's text: its layout for the parser, and where each page of a PDF starts. */
export interface Converted {
  text: string;
  pageStarts?: number[];
  layout: 'markdown' | 'text';
}

export interface ReportFormat {
  name: 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
  /** Lower-case, with the dot; the first is the one a downloaded file is saved with. */
  extensions: string[];
  /** Content types (or parts of them) a server sends it with. */
  contentTypes: string[];
  /** Recognises its first bytes (lower-cased, leading space trimmed) when the name and type do not say. */
  sniff?: ((head: string) => boolean) | undefined;
  /** How its bytes become text; absent for formats that are text already. */
  convert?: ((bytes: Buffer, name: string, isWord?: (word: string) => boolean) => Promise<Converted>) | undefined;
}

export const FORMATS: readonly ReportFormat[] = [
  { name: 'text', extensions: ['.txt'], contentTypes: ['text/plain'] },
  { name: 'markdown', extensions: ['.md', '.markdown'], contentTypes: ['text/markdown'] },
  {
    name: 'pdf',
    extensions: ['.pdf'],
    contentTypes: ['application/pdf'],
    sniff: (head) => head.startsWith('%pdf'),
    // The converters (and their libraries) load only when a report needs them: asking a question never does.
    convert: async (bytes, name, isWord) => ({
      ...(await (await import('./pdf.js')).pdfToReportText(new Uint8Array(bytes), name, isWord)),
      layout: 'markdown',
    }),
  },
  {
    name: 'docx',
    extensions: ['.docx'],
    contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml'],
    convert: async (bytes, name) => ({
      text: await (await import('./docx.js')).docxToReportText(new Uint8Array(bytes), name),
      layout: 'markdown',
    }),
  },
  {
    name: 'html',
    extensions: ['.html', '.htm'],
    contentTypes: ['text/html', 'application/xhtml'],
    sniff: (head) => head.startsWith('<!doctype html') || head.startsWith('<html'),
    convert: async (bytes) => ({
      text: (await import('./html.js')).htmlToReportText(decodeHtml(bytes)),
      layout: 'markdown',
    }),
  },
];

/** The format a file name says (by its extension), if it is a report format. */
export function formatOfName(name: string): ReportFormat | undefined {
  const lower = name.toLowerCase();
  return FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e)));
}

/** The converted format of a downloaded document: by its first bytes, its content type, then its address's extension. */
export function formatOfResponse(contentType: string, url: string, body: Buffer): ReportFormat | undefined {
  const type = contentType.toLowerCase();
  const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  const converted = FORMATS.filter((f) => f.convert);
  // First bytes that say what a file is (a PDF's "%PDF-") outrank a server's label.
  return (
    converted.find((f) => f.sniff?.(head)) ??
    converted.find((f) => f.contentTypes.some((t) => type.includes(t))) ??
    converted.find((f) => f.extensions.some((e) => new URL(url).pathname.toLowerCase().endsWith(e)))
  );
}

/** An HTML page's text in the encoding it declares (Chinese sites may still use GBK), UTF-8 otherwise. */
function decodeHtml(bytes: Buffer): string {
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
