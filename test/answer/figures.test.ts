import { describe, expect, it } from 'vitest';
import { figuresOfKind, hasFigure, hasSuperlative, onlyChanges } from '../../src/answer/figures.js';

describe('figures', () => {
  it('"one of the world\'s major suppliers" states no figure', () => {
    expect(
      hasFigure(
        figuresOfKind(
          'A local enterprise, one of the world’s major SAF suppliers, will develop its business.',
          undefined,
        ),
      ),
    ).toBe(false);
    expect(hasFigure(figuresOfKind('One new plant opened.', undefined))).toBe(true);
  });
});

describe('changes', () => {
  it('a text whose every figure is a change gives no level', () => {
    expect(
      onlyChanges('53% increase in customer satisfaction from the relaunch in December 2022 to September 2023'),
    ).toBe(true);
    expect(onlyChanges('Partner states increased their ex parte rates by an average of 21%.')).toBe(true);
    expect(onlyChanges('The proportion of excellent days is 82.5%, down 8.5 percentage points year on year.')).toBe(
      false,
    );
    expect(onlyChanges('Satisfaction rose to 79.3% in FY23.')).toBe(false);
    expect(onlyChanges('Satisfaction rose sharply.')).toBe(false); // no figure at all
  });
});

describe('superlatives in a sentence', () => {
  it('a sentence holding one', () => {
    expect(hasSuperlative('Testing and remediation is the weakest area of implementation.')).toBe(true);
    expect(hasSuperlative('Hong Kong is ranked seventh among the top 10 safest cities.')).toBe(true);
    expect(hasSuperlative('Electronic documents: 38% fully conformant, the lowest among ICT categories')).toBe(true);
    expect(hasSuperlative('Documents conformed less than any other ICT type.')).toBe(true);
    expect(hasSuperlative('Trade reached a record high.')).toBe(true);
    expect(hasSuperlative('The land can dovetail with the third medical school.')).toBe(false);
    expect(hasSuperlative('Agencies test their interest in the request.')).toBe(false);
    expect(hasSuperlative('Agencies reported 136 Best Meets exceptions.')).toBe(false);
  });
});
