/** A report to drop into a corpus (no test framework here: benchmarks use it too). */

/** A small second report (Markdown), dropped into a corpus to test notices. */
export const NEW_REPORT = `# Riverside County 2024 Library Report

Issued by: People's Government of Riverside County
Date of issue: 2024-03-01
Document No.: RCG [2024] No. 7

## Results

### Libraries

In 2024, the county opened 4 new public libraries and lent 52000 books.
Reading rooms stay open 7 × 24 hours in the town centre.
`;

/** Its sidecar metadata with example questions. */
export const NEW_REPORT_META = JSON.stringify({
  examples: ['How many libraries were opened?', 'How many books were lent?'],
});
