import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSignature, SettledChanges } from '../../src/notices/watcher.js';
import { tempDir } from '../helpers/fixtures.js';

describe('SettledChanges', () => {
  it('ingests a new file only once it stopped changing for one poll', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'First report.\n');
    const changes = new SettledChanges(corpusSignature(dir));
    expect(changes.ready(corpusSignature(dir))).toBe(false); // nothing new
    writeFileSync(join(dir, 'b.txt'), 'Issued by: People');
    expect(changes.ready(corpusSignature(dir))).toBe(false); // caught mid-copy
    appendFileSync(join(dir, 'b.txt'), "'s Government of Riverside County\nThe whole report.\n");
    expect(changes.ready(corpusSignature(dir))).toBe(false); // still growing
    const settled = corpusSignature(dir);
    expect(changes.ready(settled)).toBe(true); // the same on two polls: ingest now
    changes.done(settled);
    expect(changes.ready(corpusSignature(dir))).toBe(false); // and only once
  });

  it('retries a change whose ingest failed', () => {
    const changes = new SettledChanges('old');
    expect(changes.ready('new')).toBe(false);
    expect(changes.ready('new')).toBe(true);
    expect(changes.ready('new')).toBe(true); // done() was never called
  });
});
