/**
 * Messages that are not questions: greetings, thanks, asking for help or for the list of reports. Pure. Only short
 * messages made of such words count ("hi", "thanks a lot!", "你好", "help?"), so a question
 * that starts with "hi" is still answered.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'help' | 'reports';

/**
 * Asking what the bot knows ("what reports do you have?", "which reports can I ask about?", "你有哪些报告？"): the list of
 * reports answers it, not a passage of one. A question about what a report says ("what does the report say about …")
 * is no such request.
 */
const ASKS_FOR_SOURCE =
  /^\s*(?:(?:where|how)\s+(?:can|do|could)\s+i\s+(?:read|find|get|download|see|access)\s+(?:the|this)\s+(?:full\s+|whole\s+|original\s+)?(?:report|document|address|pdf)|(?:can\s+you\s+)?(?:send|give|show)\s+me\s+(?:the|a)\s+(?:full\s+|original\s+)?(?:report|pdf|document|link|source)|(?:a\s+|the\s+)?link\s+to\s+(?:the|this)\s+(?:full\s+|original\s+)?(?:report|document|source)|(?:the\s+)?(?:full|original)\s+(?:report|text)|(?:the\s+)?report(?:'s)?\s+(?:link|url|source))\s*[?？.!]*\s*$|^(?:报告|报告的|文件)?(?:全文|原文)(?:链接|在哪里?|在哪儿)?(?:看|下载)?[？?]?$|^(?:在哪里?|哪里)(?:可以)?(?:看|下载|找到)(?:报告|报告全文|原文)[？?]?$/iu;
const ASKS_FOR_REPORTS =
  /^\s*(?:(?:what|which)\s+(?:reports|documents)\s+(?:do|can|are|have|did)\b(?:\s+(?:you|u|i|we))?(?:\s+(?:have|got|know|cover|ask about|read|search|hold|available|there))?|(?:list|show)(?:\s+me)?\s+(?:the|your|all)?\s*(?:reports|documents))\s*\??\s*$|^\s*(?:你|您)?(?:有|收录了?|能查)(?:哪些|什么)(?:报告|報告|文件)(?:呢|吗|嗎)?\s*[？?]?\s*$/iu;

const WORDS: Record<Exclude<SmallTalk, 'reports'>, Set<string>> = {
  greeting: new Set(
    'hi hello hey hiya howdy yo greetings morning afternoon evening good there bot all everyone guys 你好 您好 嗨 哈喽 哈啰 早上好 晚上好 下午好 大家好'.split(
      ' ',
    ),
  ),
  thanks: new Set(
    'thanks thank you thx ty cheers a much lot so very great awesome nice cool ok okay 谢谢 多谢 感谢 谢了 好的 👍 🙏'.split(
      ' ',
    ),
  ),
  help: new Set(
    'help how does this work what can you do do start menu commands 帮助 怎么用 怎么 用 使用 说明'.split(' '),
  ),
};

/**
 * Chinese small talk, written without spaces: thanks or a greeting with an addressee or a particle after it ("谢谢你！",
 * "唔該晒", "早晨"), in simplified or traditional characters.
 */
const CHINESE: [SmallTalk, RegExp][] = [
  ['thanks', /^(?:谢谢|謝謝|多谢|多謝|感谢|感謝|唔该|唔該|谢了|謝了)+(?:你们|你們|你|您|大家|啦|了|呀|啊|晒|曬)*$/u],
  [
    'greeting',
    /^(?:你好|您好|大家好|早上好|早安|早晨|中午好|下午好|晚上好|哈喽|哈囉|哈啰|嗨|在吗|在嗎|有人吗|有人嗎)+(?:呀|啊|啦)*$/u,
  ],
];

/** Longest message (in words) read as small talk. */
const MAX_WORDS = 5;

export function smallTalkOf(text: string): SmallTalk | undefined {
  const words = text
    .toLowerCase()
    .replace(/[!?.,;:~…！？。，、]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // "Where can I read the full report?": the list of reports links each one's published page.
  if (ASKS_FOR_REPORTS.test(text) || ASKS_FOR_SOURCE.test(text)) return 'reports';
  if (!words.length || words.length > MAX_WORDS) return undefined;
  const chinese = CHINESE.find(([, pattern]) => pattern.test(words.join('')));
  if (chinese) return chinese[0];
  for (const kind of ['thanks', 'greeting', 'help'] as const)
    if (words.every((w) => WORDS[kind].has(w) || WORDS.greeting.has(w))) {
      // "hi there" is a greeting; "thanks" or "help" with a greeting word is the thanks or the help.
      if (kind === 'greeting' || words.some((w) => WORDS[kind].has(w) && !WORDS.greeting.has(w))) return kind;
    }
  return undefined;
}
