/**
 * The one logger. Writes to stderr (stdout belongs to answers in the CLI and terminal
 * chat) and scrubs anything that looks like a bot token, so no secret reaches a log.
 */
const TOKEN_PATTERN = /\b\d{5,}:[A-Za-z0-9_-]{20,}\b/g;
let secrets: string[] = [];

/** Registers a secret to be replaced by "***" wherever it appears in logged text. */
export function registerSecret(secret: string | undefined): void {
  if (secret) secrets = [...secrets, secret];
}

/** Removes registered secrets and token-shaped strings from a text. */
function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out.replace(TOKEN_PATTERN, '***');
}

function format(parts: unknown[]): string {
  return redact(
    parts
      .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' '),
  );
}

const warned = new Set<string>();

export const log = {
  /** Info and warnings off (LOG_LEVEL=silent, set by each entry point from its config); errors always print. */
  quiet: false,
  info(...parts: unknown[]): void {
    if (!log.quiet) process.stderr.write(`${format(parts)}\n`);
  },
  warn(...parts: unknown[]): void {
    if (!log.quiet) process.stderr.write(`warning: ${format(parts)}\n`);
  },
  /** Warns the first time only, for a condition that would otherwise repeat on every message. */
  warnOnce(key: string, ...parts: unknown[]): void {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(...parts);
  },
  error(...parts: unknown[]): void {
    process.stderr.write(`error: ${format(parts)}\n`);
  },
};
