/**
 * The bot's own words in English and Chinese. Report text is never translated: quotes
 * stay in the report's language. Pure.
 */
export type Lang = 'en' | 'zh';

/** A command of a plug-in: its menu entry and its line in /help. */
export interface CommandHelp {
  command: string;
  description: string;
  help: string;
}

const en = {
  description:
    'Ask about government reports in your own words. I answer with the report’s own words: a verbatim quote, and where it stands (report, section, paragraph), so you can check it. I never write text of my own.',
  shortDescription: 'Answers about government reports, quoted verbatim with a citation.',
  start: (reports: string) =>
    `I answer questions about government reports with the reports' own words: a verbatim quote and a citation you can check. I never write text of my own.\n\n<b>Reports I know</b>\n${reports}\n\nAsk a question, or try one of these:`,
  help: (bot: string, more: string[] = []) =>
    `Send a question in your own words, for example "How many administrative cases were there in 2023?". I reply with the report's own words and where they stand; 📄 More context shows the whole paragraph.\n\nIn groups: /ask your question, mention @${bot}, or reply to one of my answers.\nIn any chat: type @${bot} and a question to share a quote.\n\n/reports: the reports I know\n/about: how answers are made${more.map((line) => `\n${line}`).join('')}`,
  about:
    'Answers are quotes, copied verbatim from the reports, with the report, section and paragraph number so you can check them. Nothing is generated or paraphrased. When a report does not cover a question I say so; when I am not sure a passage answers it, I say that too.\n\nWords are matched with WordNet (Princeton University), Chinese questions with CC-CEDICT (MDBG, CC BY-SA 4.0), meaning offline with GloVe word vectors (Stanford NLP, PDDL).',
  startGroup: (bot: string) =>
    `I answer questions about government reports with the reports' own words. In this group, ask with /ask your question, mention @${bot}, or reply to one of my answers.`,
  youAreWelcome: 'You are welcome. Ask another question any time.',
  reportsHeader: 'Indexed reports:',
  outlineEarlier: (n: number) => `${n} earlier`,
  outlineLater: (n: number) => `${n} more`,
  reportsPage: (from: number, to: number, total: number) => `Indexed reports ${from}–${to} of ${total}:`,
  noReports: 'No reports are indexed yet.',
  notCovered: 'The report does not seem to cover this.',
  covers: (titles: string[], more: number) =>
    `I answer from ${titles.join('; ')}${more ? ` and ${more} more report(s) (/reports)` : ''}.`,
  inlineIntoChat: 'Ask me in a chat: answers with quotes from the reports',
  reportGone: 'The report this card quotes is no longer indexed.',
  readAs: (question: string) => `↪ Read as: ${question}`,
  notAQuestion:
    'What would you like to know about the reports? Ask me a question and I will quote the passage that answers it.',
  nearest: 'The nearest sections are below.',
  lowConfidence: 'Closest passages — the report may not answer this exactly:',
  moreContext: '📄 More context',
  widerContext: '📄 ±1 paragraph',
  otherMatches: '🔎 Other matches',
  section: '📑 Section',
  less: '▲ Less',
  contents: '📚 Contents',
  browse: '📚 Browse sections',
  original: '🌐 Original',
  share: '↗ Share',
  prev: '◀ Previous',
  next: 'Next ▶',
  match: (i: number, n: number) => `Match ${i} of ${n}`,
  expired: 'This button has expired. Please ask again.',
  invalid: 'This button is not valid.',
  noMore: 'No other matches.',
  nonText: 'I can only read text. Please type your question.',
  tooFast: (seconds: number) => `You are asking very quickly. Please wait ${seconds} s and ask again.`,
  busy: 'I am busy right now. Please try again in a moment.',
  error: 'Sorry, something went wrong while answering. Please try again.',
  askUsage: 'Usage: /ask your question',
  sectionOutline: 'Section outline',
  paragraph: 'paragraph',
  commands: {
    start: 'What this bot does',
    help: 'How to ask',
    reports: 'Indexed reports',
    about: 'How answers are made',
    ask: 'Ask a question (groups)',
  },
};

const zh: typeof en = {
  description:
    '用自己的话提问政府报告的内容。我用报告原文回答：逐字引用，并注明出处（报告、章节、段落），便于核对。我不会自己编写内容。',
  shortDescription: '用报告原文回答关于政府报告的问题，逐字引用并注明出处。',
  start: (reports: string) =>
    `我用报告原文回答关于政府报告的问题：逐字引用原文，并附上可核对的出处。我不会自己编写内容。\n\n<b>已收录的报告</b>\n${reports}\n\n请提问，或试试下面的问题：`,
  help: (bot: string, more?: string[]) =>
    `直接用自己的话发送问题即可，例如“2023年全县有多少起行政案件？”。我会引用报告原文并注明出处；点 📄 更多上下文 可查看整段。\n\n在群组中：使用 /ask 加问题、提及 @${bot}，或回复我的回答。\n在任何聊天中：输入 @${bot} 加问题即可分享引文。\n\n/reports：已收录的报告\n/about：回答是如何产生的${(more ?? []).map((line) => `\n${line}`).join('')}`,
  about:
    '回答均为报告原文的逐字引用（报告为英文），并注明报告、章节和段落编号，便于核对。不生成、不改写任何内容。报告未涉及的问题，我会如实说明；不确定某段是否回答了问题时，我也会说明。\n\n词义匹配使用 WordNet（普林斯顿大学），中文问题使用 CC-CEDICT（MDBG，CC BY-SA 4.0），离线语义使用 GloVe 词向量（斯坦福 NLP，PDDL）。',
  startGroup: (bot: string) =>
    `我用报告原文回答关于政府报告的问题。在本群中，请使用 /ask 加问题、提及 @${bot}，或回复我的回答。`,
  youAreWelcome: '不客气，随时可以继续提问。',
  reportsHeader: '已收录的报告：',
  outlineEarlier: (n: number) => `前面还有 ${n} 项`,
  outlineLater: (n: number) => `后面还有 ${n} 项`,
  reportsPage: (from: number, to: number, total: number) => `已收录的报告（第 ${from}–${to} 份，共 ${total} 份）：`,
  noReports: '目前还没有收录报告。',
  notCovered: '报告似乎没有涉及这个问题。',
  covers: (titles: string[], more: number) =>
    `我根据这些报告作答：${titles.join('；')}${more ? `，另有 ${more} 份（/reports）` : ''}。`,
  inlineIntoChat: '在聊天中向我提问：用报告原文回答',
  reportGone: '这张卡片引用的报告已不再收录。',
  readAs: (question: string) => `↪ 理解为：${question}`,
  notAQuestion: '您想了解报告中的什么内容？请提一个问题，我会引用回答它的原文段落。',
  nearest: '最接近的章节见下方按钮。',
  lowConfidence: '最接近的段落——报告可能没有确切回答这个问题：',
  moreContext: '📄 更多上下文',
  widerContext: '📄 前后段落',
  otherMatches: '🔎 其他结果',
  section: '📑 所在章节',
  less: '▲ 收起',
  contents: '📚 目录',
  browse: '📚 浏览章节',
  original: '🌐 原文',
  share: '↗ 分享',
  prev: '◀ 上一条',
  next: '下一条 ▶',
  match: (i: number, n: number) => `第 ${i} 条，共 ${n} 条`,
  expired: '此按钮已过期，请重新提问。',
  invalid: '此按钮无效。',
  noMore: '没有其他结果。',
  nonText: '我只能读取文字，请输入您的问题。',
  tooFast: (seconds: number) => `您的提问太频繁了，请 ${seconds} 秒后再试。`,
  busy: '我现在有点忙，请稍后再试。',
  error: '抱歉，回答时出了问题，请再试一次。',
  askUsage: '用法：/ask 您的问题',
  sectionOutline: '章节目录',
  paragraph: '段',
  commands: {
    start: '机器人简介',
    help: '如何提问',
    reports: '已收录的报告',
    about: '回答是如何产生的',
    ask: '提问（群组中使用）',
  },
};

export type Strings = typeof en;
export const STRINGS: Record<Lang, Strings> = { en, zh };

/** The UI language for a Telegram language code: Chinese for zh*, English otherwise. */
export function langOf(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Commands of private chats only, and of groups only. */
const PRIVATE_ONLY = new Set(['start']);
const GROUP_ONLY = new Set(['ask']);

/** The command menu, per language and kind of chat: the bot's own commands, then those of its plug-ins. */
export function commandMenu(
  lang: Lang,
  chat: 'private' | 'group',
  more: CommandHelp[] = [],
): { command: string; description: string }[] {
  const skip = chat === 'private' ? GROUP_ONLY : PRIVATE_ONLY;
  return [
    ...Object.entries(STRINGS[lang].commands).map(([command, description]) => ({ command, description })),
    ...more.map(({ command, description }) => ({ command, description })),
  ].filter(({ command }) => !skip.has(command));
}
