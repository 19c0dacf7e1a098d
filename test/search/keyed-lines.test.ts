import { describe, expect, it } from 'vitest';
import { KeyedLines } from '../../src/search/keyed-lines.js';

describe('KeyedLines', () => {
  it('finds keys by bisection in unsorted lines, prefixes and all', () => {
    const table = new KeyedLines('法律\tlaw|legal\n法\tlaw|method\nzeta\tz\n\nbad line without tab\n法律援助\tlegal aid\nalpha\ta', '|');
    expect(table.size).toBe(5);
    expect(table.get('法')).toEqual(['law', 'method']);
    expect(table.get('法律')).toEqual(['law', 'legal']);
    expect(table.get('法律援助')).toEqual(['legal aid']);
    expect(table.get('alpha')).toEqual(['a']);
    expect(table.has('法律援')).toBe(false);
    expect(table.has('')).toBe(false);
    expect(table.has('zet')).toBe(false);
    expect(table.get('bad line without tab')).toBeUndefined();
  });
});
