import { describe, expect, it } from 'vitest';
import { deriveShortTitle } from '../../src/corpus/short-title.js';

describe('deriveShortTitle', () => {
  it('names a report by who issued it, its year and its kind', () => {
    expect(
      deriveShortTitle(
        "The People's Government of Zuoyun County 2023 Annual Report on the Construction of a Rule of Law Government",
      ),
    ).toBe('Zuoyun County 2023 Annual Report');
    expect(deriveShortTitle('The Chief Executive’s 2025 Policy Address')).toBe('Chief Executive’s 2025 Policy Address');
    expect(deriveShortTitle('Riverside County 2024 Library Report')).toBe('Riverside County 2024 Library Report');
  });

  it('derives nothing it cannot say within 40 characters, nor a year and kind alone', () => {
    expect(deriveShortTitle('Aligning our efforts to serve people better')).toBeUndefined();
    expect(deriveShortTitle('FY 2025 Governmentwide Section 508 Assessment')).toBeUndefined();
    expect(deriveShortTitle('Canadian Digital Service Annual Report (Fiscal Year 2023-2024)')).toBeUndefined();
  });
});
