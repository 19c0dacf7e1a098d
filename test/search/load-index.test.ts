import { describe, expect, it } from 'vitest';
import { ReportBodies } from '../../src/search/load-index.js';

/** A report whose body is `size` bytes, noting when it is forgotten. */
function report(name: string, size: number, forgotten: string[]) {
  return {
    usedAt: 0,
    forget(): number {
      forgotten.push(name);
      return size;
    },
  };
}

describe('ReportBodies', () => {
  it('forgets the least recently used bodies once past its budget, down to three quarters of it', () => {
    const forgotten: string[] = [];
    const bodies = new ReportBodies<ReturnType<typeof report>>(100);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => report(name, 40, forgotten));
    bodies.add(a!, 40);
    bodies.add(b!, 40);
    bodies.use(a!); // a is now more recent than b
    expect(bodies.size).toBe(80);
    bodies.add(c!, 40); // 120 > 100: b goes first, then a (80 is still over 75)
    expect(forgotten).toEqual(['b', 'a']);
    expect(bodies.size).toBe(40);
    bodies.add(d!, 40);
    expect(forgotten).toEqual(['b', 'a']); // 80 is within the budget
  });

  it('never forgets the body it has just been given, however large', () => {
    const forgotten: string[] = [];
    const bodies = new ReportBodies<ReturnType<typeof report>>(100);
    const big = report('big', 500, forgotten);
    bodies.add(report('small', 10, forgotten), 10);
    bodies.add(big, 500);
    expect(forgotten).toEqual(['small']);
    expect(bodies.size).toBe(500);
  });
});
