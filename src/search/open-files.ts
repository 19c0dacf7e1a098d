/**
 * Index files read a piece at a time while questions are answered (a report's sentence vectors, a term's postings),
 * kept open between reads: opening and closing a file for every read was nearly half of the ranking stage's time at
 * 1,000 reports. A bounded number stay open, the least recently read closed first. A generation's files never change
 * once written, so an open file always reads what was committed (a later generation is another directory); a deleted
 * generation's files still open are released as reads of the new one push them out.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Files kept open at most (each a descriptor: well under the usual limit of 1,024 per process). */
const MAX_OPEN = 64;

export class OpenFiles {
  private readonly open = new Map<string, number>();

  constructor(private readonly max = MAX_OPEN) {}

  /**
   * Fills `into` from `position` of the file at `path`; returns the bytes read (fewer only where the file ends).
   * Throws what opening or reading throws (a missing file, a damaged disk), and then forgets the file.
   */
  read(path: string, into: Uint8Array, position: number): number {
    const fd = this.fdOf(path);
    try {
      return readFully(fd, into, position);
    } catch (error) {
      this.close(path);
      throw error;
    }
  }

  /** Closes every file kept open. */
  closeAll(): void {
    for (const path of [...this.open.keys()]) this.close(path);
  }

  private fdOf(path: string): number {
    const known = this.open.get(path);
    if (known !== undefined) {
      this.open.delete(path);
      this.open.set(path, known);
      return known;
    }
    const fd = openSync(path, 'r');
    this.open.set(path, fd);
    if (this.open.size > this.max) this.close(this.open.keys().next().value as string);
    return fd;
  }

  private close(path: string): void {
    const fd = this.open.get(path);
    if (fd === undefined) return;
    this.open.delete(path);
    try {
      closeSync(fd);
    } catch {
      // Already closed or never valid: nothing is left to release.
    }
  }
}

/**
 * Fills `into` from `position` of open file `fd`, as many reads as it takes; returns the bytes read (fewer only where the
 * file ends).
 */
export function readFully(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  for (let n = -1; done < into.length && n !== 0; done += n)
    n = readSync(fd, into, done, into.length - done, position + done);
  return done;
}
