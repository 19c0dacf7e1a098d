/**
 * What a chat message is before it is read as a question (question.ts): a question, chatter (thanks, greetings, words
 * about the conversation), a pasted text or a request for the whole report; the request around a question ("pls tell
 * me …"); the questions of a message that asks several; a follow-up read with the question before it. Pure.
 */
import { tokenize } from '../search/tokenize.js';
import { yearsIn } from './figures.js';
import { FRAMING } from './question.js';

/** Where a second question starts: "…, and how many …", "… ? Is there …", "…，法律顾问列席了几次？". */
const SECOND_QUESTION =
  /(?:[,;]?\s+(?:and|also|plus|but|as well as)\s+(?=(?:how|what|which|when|who|where|why|whether|did|does|do|is|are|was|were|has|have|had|can|will)\b))|(?:\s*[;+]\s*(?=(?:how|what|which|when|who|where|why|whether|did|does|do|is|are|was|were|has|have|had|can|will)\b))|(?:\s+\(?[2-9][).]\s+(?=\S))|(?:[?？]\s*(?=\S))|(?:，(?=[^，]*(?:几|多少|什么|哪|是否|吗)))/giu;
/** The number a message's first question is listed under ("1) how many …", "(1) …"). */
const FIRST_OF_LIST = /^\(?1[).]\s+/;

/**
 * The questions inside a message that asks several ("How many disputes were accepted, and
 * how many were mediated?"), each with enough words to stand alone; one part when it asks one.
 */
export function splitQuestion(question: string): string[] {
  const parts = question
    .split(SECOND_QUESTION)
    .map((p) => p.trim().replace(FIRST_OF_LIST, ''))
    .filter((p) => tokenize(p).length >= 2);
  return parts.length > 1 ? parts.slice(0, 3) : [question];
}

/**
 * Words of chatter rather than of a question: thanks and praise, acknowledgements, laughter,
 * insults. A message made only of these (and framing words), with no question mark, asks nothing.
 */
const CHAT = new Set(
  tokenize(`thank thanks thx ty cheers appreciate appreciated helpful useful great awesome amazing brilliant excellent perfect nice cool
  sweet neat wonderful fantastic lovely love good fine sure alright right gotcha understood noted interesting wild crazy insane funny
  wow lol lmao haha hah hehe omg ok okay k kk yes yeah yep yup no nope nah hmm huh oh ah bye goodbye later much
  stupid useless idiot idiotic dumb sucks suck rubbish garbage crap terrible awful worst hate bad shit fuck damn bot`),
);
/**
 * Words about the conversation itself rather than the reports: asking again, for more, whether the bot is sure, saying
 * it is wrong ("try again", "can you explain?", "are you sure?", "that's not what I asked"). A message of these only
 * (and chatter, framing, "you") asks nothing of the reports, with a question mark or without.
 */
const CONVERSATION = new Set(
  tokenize(`try again explain explanation elaborate clarify more detail details further continue repeat sure certain
  wrong incorrect correct right true mean meant understand asked ask answer answers question says said that this`),
);
const CONVERSATION_ZH =
  /^(再说一遍|再说一次|再来一次|详细一点|详细点|详细说说|解释一下|什么意思|啥意思|答错了|错了|不对|不是这个|你确定吗|确定吗|真的吗|继续|然后呢|还有呢)+$/u;
/** Chinese chatter: thanks, praise, acknowledgement, laughter, insults. */
const CHAT_ZH =
  /^(谢谢|多谢|感谢|太好了|很好|好的|好吧|不错|厉害|棒|哈+|呵呵|嗯+|哦+|行|可以|知道了|明白了|垃圾|没用|笨|傻|你好|您好|早上好|早安|早晨|中午好|下午好|晚上好|晚安|再见|拜拜|在吗|在不在|有人吗|哈喽|哈啰|嗨|喂)+(你们|你|您|大家|啦|了|呀|啊|哦|喔|咯|嘛|晒)*$/u;
/**
 * Questions people put to a chatbot about itself ("who made you?", "can you speak Chinese?", "are you a real
 * person?"): addressed to "you", with no word beyond these. Not about the reports, whatever word of theirs they use.
 */
const TO_THE_BOT = /\b(you|your|yourself|u|ur)\b/i;
const BOT_WORDS = new Set(
  tokenize(`made make create created built build develop developed program programmed train trained name named call
  called bot robot chatbot human person people real ai artificial intelligence machine old age born live from speak
  talk understand read write language languages chinese english mandarin smart clever work works think feel sleep
  eat like favourite favorite color colour`),
);
const TO_THE_BOT_ZH =
  /^(你是谁|你叫什么(名字)?|谁(开发|做|制作|创造)了你|你是(机器人|人|真人|AI)吗|你会说(中文|英文|英语|汉语)吗)$/u;
/** Words that make a sentence ask something even without a question mark. */
const ASKING =
  /\b(how|what|when|who|which|where|why|whether|tell me|can you|could you|please find|is there|are there|i(?:'d| would) like to know|i want to know)\b|多少|几|什么|是否|吗/i;
/** A sentence in which writers speak of themselves: "I need …", "My neighbour …", "We're …", "我想…". */
const FIRST_PERSON = /^\s*(?:i|i'm|i’m|i've|i’ve|i'd|i’d|my|we|we're|we’re|we've|we’ve|our)\b|^\s*我/iu;
/** True for a message of words about the conversation only (CONVERSATION), with at least one of them. */
function aboutTheConversation(words: string[]): boolean {
  const you = (w: string): boolean => TO_THE_BOT.test(w);
  return (
    words.some((w) => CONVERSATION.has(w)) &&
    words.every((w) => CONVERSATION.has(w) || CHAT.has(w) || FRAMING.has(w) || you(w))
  );
}

/** Longer than this and with no question mark and several sentences: a pasted text, not a question. */
const PASTE_CHARS = 300;

export type MessageReading =
  { kind: 'question'; question: string } | { kind: 'chatter' } | { kind: 'paste' } | { kind: 'overview' };

/** "report", "document", "address", perhaps after a few words naming it ("the CDS annual report"). */
const NAMED_REPORT = String.raw`(?:\s+[\w.&'’-]+){0,3}?\s+(?:report|document|address)`;

/**
 * A request for the whole report rather than a question about something in it: "summarize the report", "what are the
 * main points?", "what is this report about?", "tl;dr", 总结一下这份报告, 这份报告讲了什么. No passage answers it; the
 * report's contents (its own headings) do.
 */
const OVERVIEW = new RegExp(
  // A part of it named by its number ("summarize chapter III"): no passage sums that up either; the contents show it.
  String.raw`^\s*(?:(?:please|pls|can you|could you)\s+)?(?:summari[sz]e|sum up|(?:give|show)\s+me\s+(?:a|an|the)\s+(?:summary|overview|rundown|gist)\s+of)\s+(?:the\s+)?(?:chapter|section|part)\s+(?:\d{1,2}|[ivx]{1,5})\b` +
    String.raw`|^\s*(?:(?:please|pls|can you|could you)\s+)?(?:summari[sz]e|sum up)(?:\s+(?:this|the|it)(?:${NAMED_REPORT})?)?` +
    String.raw`|^\s*(?:(?:please|pls|can you|could you)\s+)?(?:give|show)\s+me\s+(?:a|an|the)\s+(?:summary|overview|rundown|gist)` +
    String.raw`|^\s*what(?:['’]s|\s+is)\s+(?:this|the|it)(?:${NAMED_REPORT})?(?:\s+all)?\s+about` +
    String.raw`|^\s*what\s+are\s+(?:the|its)\s+(?:main|key)\s+(?:points|findings|takeaways|messages)` +
    String.raw`|^\s*(?:the\s+)?(?:main|key)\s+(?:points|findings|takeaways)` +
    String.raw`|^\s*(?:an?\s+)?(?:summary|overview|tl;?\s?dr)(?:\s+(?:of|for)\s+(?:this|the)\s+(?:report|document|address))?`,
  'i',
);
const OVERVIEW_END = /^[\s?？.!！。]*(?:please|pls)?[\s?？.!！。]*$/i;
const OVERVIEW_ZH =
  /^(?:请|帮我|麻烦)?(?:总结|概括|概述|简介)(?:一下)?(?:这份|该|本|这个)?(?:报告|文件)?(?:的)?(?:第[一二三四五六七八九十\d]{1,3}(?:章|节|部分)(?:的)?)?(?:主要内容|要点|重点)?[？?。！!]*$|^(?:这份|该|本|这个)?(?:报告|文件)(?:主要)?(?:讲了|说了|讲|说|是关于|写了)(?:些)?(?:什么|啥)(?:内容)?[？?。]*$|^(?:报告的)?(?:主要内容|要点|重点)是什么[？?]*$/u;

/** "the tribal housing stability report": a report named by a few words before "report" (or "document", "address"). */
const REPORT_NAMED = /\b(?:the|this|that|your)\s+((?:[\w.&'’-]+\s+){1,3}?)(?:report|document|address)\b/i;

/**
 * "What's the tribal housing stability report about?" asks about a report an indexed one mentions, not for an overview:
 * true when a request names a report by words no indexed report's title holds all of (`titled`, over index terms).
 */
function namesAnotherReport(text: string, titled: (terms: string[]) => boolean): boolean {
  const words = REPORT_NAMED.exec(text)?.[1];
  const terms = words ? tokenize(words) : [];
  return terms.length > 0 && !titled(terms);
}

/** True for a request for the whole report (OVERVIEW), not a question about something in it. Pure. */
export function asksForOverview(message: string): boolean {
  const text = message.trim();
  const m = OVERVIEW.exec(text);
  return (m !== null && OVERVIEW_END.test(text.slice(m[0].length))) || OVERVIEW_ZH.test(text.replace(/\s+/g, ''));
}

/**
 * The request around a chat question, not what it asks: a greeting or a call to the bot ("hey bot,", "hey thx,"), "ok,"
 * "quick question:", "quick one -", thanks for the answer before and "one more -", "pls", "can you tell me", "I'd like
 * to know", "I was wondering" before it, thanks or "please" after it. The words are not looked up already (FRAMING),
 * but the model read them as the topic ("pls tell me how many notarizations …" as related as an off-topic question:
 * refused).
 */
const REQUEST_LEAD = new RegExp(
  String.raw`^(?:(?:hi|hello|hey|yo)(?:\s+(?:there|bot|guys|all|everyone|folks|team))?(?:\s*[,!.:;–—-]+\s*|\s+)|` +
    String.raw`dear(?:\s+(?:there|bot|guys|all|everyone|folks|team))?\s*[,!.:;–—-]+\s*|` +
    String.raw`(?:ok(?:ay)?|so|quick (?:question|one)|question|one more(?: question| thing)?|another (?:one|question))\s*[,!.:;–—-]+\s*|` +
    String.raw`(?:thanks|thank\s+(?:you|u)|thx|ty|cheers)(?:\s+(?:so\s+much|a\s+lot))?\s*[,!.:;–—-]+\s*|(?:please|pls|plz)\s+|` +
    String.raw`(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:tell|show)\s+me|(?:tell|show)\s+me|` +
    String.raw`i(?:'d|’d| would)\s+like\s+to\s+know|i\s+(?:want|wanna|need)\s+to\s+know|i\s+(?:am|'m|’m)\s+(?:curious|wondering)|` +
    String.raw`i\s+was\s+wondering|do\s+(?:you|u)\s+know)\b\s*[,:]?\s*)+`,
  'i',
);
const REQUEST_TAIL =
  /\s*[,.!;–—-]*\s*(?:(?:thanks|thank\s+(?:you|u)|thx|ty|cheers)(?:\s+(?:so\s+much|a\s+lot|in\s+advance))?|please|pls|plz)\s*[.!\p{Extended_Pictographic}]*\s*$/iu;

/** A question without the request around it (REQUEST_LEAD, REQUEST_TAIL), unless that is all there is. Pure. */
export function withoutRequest(question: string): string {
  const asked = question.replace(REQUEST_LEAD, '').replace(REQUEST_TAIL, '').trim();
  return tokenize(asked).some((t) => !FRAMING.has(t)) ? asked : question;
}

/**
 * What a chat message is: a question (the question it asks: in a long pasted text that ends by
 * asking something, the last question), chatter (thanks, praise, "ok cool", an insult, emoji
 * alone), a request for an overview of a report whose title holds the words naming it (`titled`), or a pasted text
 * that asks nothing. Never a confident quote for the last three.
 */
export function readMessage(message: string, titled: (terms: string[]) => boolean = () => true): MessageReading {
  const text = message.trim();
  if (asksForOverview(text) && !namesAnotherReport(text, titled)) return { kind: 'overview' };
  const asks = /[?？]/.test(text);
  const words = tokenize(text.replace(/['’]/g, ' '));
  const bare = text.replace(/[\s\p{P}\p{S}]+/gu, '');
  // (Chinese chatter may end in a question mark: "在吗？", "有人吗？" ask only whether someone is there.)
  if ((!asks && words.every((w) => CHAT.has(w) || FRAMING.has(w))) || CHAT_ZH.test(bare)) return { kind: 'chatter' };
  if (aboutTheConversation(words) || CONVERSATION_ZH.test(bare)) return { kind: 'chatter' };
  if ((TO_THE_BOT.test(text) && words.length && words.every((w) => BOT_WORDS.has(w))) || TO_THE_BOT_ZH.test(bare))
    return { kind: 'chatter' };
  if (text.length <= PASTE_CHARS) {
    // "I need a lawyer for a land issue. How many practising lawyers …?": what writers first say of themselves sets the
    // scene; the question is the sentences from the first that asks (a sentence ends at its mark and a space: not in
    // "Section508.gov"). A sentence about anything else ("Youyu County. How many firms?") stays part of the question.
    const said = text.split(/(?<=[.!?])\s+|(?<=[。！？])/u);
    const asking = said.findIndex((x) => /[?？]/.test(x) || ASKING.test(x));
    const aboutWriter = said.slice(0, Math.max(asking, 0)).every((x) => FIRST_PERSON.test(x));
    const question = asking > 0 && asks && aboutWriter ? said.slice(asking).join(' ').trim() : text;
    return { kind: 'question', question: withoutRequest(tokenize(question).length >= 2 ? question : text) };
  }
  const sentences = text.match(/[^.!?。！？]+[.!?。！？]*/gu) ?? [text];
  if (!asks) {
    // A long chatty message that ends by asking without a question mark ("… so tell me how many cases there were").
    const last = sentences.at(-1)!.trim();
    if (ASKING.test(last)) return { kind: 'question', question: withoutRequest(last) };
    return sentences.length >= 3 ? { kind: 'paste' } : { kind: 'question', question: withoutRequest(text) };
  }
  // A pasted text that ends by asking: the question is the last sentence with a question mark (and the one before, when
  // it names nothing itself).
  let last = sentences.length - 1;
  while (last > 0 && !/[?？]/.test(sentences[last]!)) last--;
  const first = last > 0 && tokenize(sentences[last]!).length < 2 ? last - 1 : last;
  return {
    kind: 'question',
    question: withoutRequest(
      sentences
        .slice(first, last + 1)
        .join('')
        .trim(),
    ),
  };
}

/**
 * A message that leans on the question before it: "and in 2022?", "what about legal aid?", "and the year before?",
 * "more on that".
 */
const LEANS_ON_PREVIOUS =
  /^\s*(?:and\s+)?(?:in\s+)?(?:the\s+)?(year\s+before|previous\s+year|year\s+after)[\s?？.!]*$|^\s*(?:(?:and|but|so)\s+)?(?:(what|how)\s+about|what\s+of|same\s+for|and)\s+(.+?)[\s?？.!]*$|^\s*(?:tell\s+me\s+)?more(?:\s+on\s+(?:that|this))?[\s?？.!]*$/i;
/** A Chinese follow-up asking the previous question of another year: "那2022年呢？", "2022年的呢", "前一年呢？". */
const LEANS_ON_PREVIOUS_ZH =
  /^\s*(?:那|那么|咁|而)?\s*(?:((?:19|20)\d{2})\s*年?(?:的)?|(?:在|于)?((?:19|20)\d{2})\s*年(?:的情况)?|(前|后|上|下)一年(?:的)?)\s*呢?\s*[？?]?\s*$/u;
/** The opening of a question that says what kind of answer it wants ("How many", "When did", "Who"). */
const QUESTION_FRAME =
  /^\s*(how\s+(?:many|much|often|long)|what\s+(?:percentage|proportion|share|number)|when|who|which|what|where|why|how|did|does|do|is|are|was|were)\b/i;

/**
 * The question a follow-up message asks, read together with the question before it (within a
 * few minutes, in the same chat: the caller's business), or undefined when the message stands on
 * its own. "and in 2022?" asks the previous question of 2022; "what about legal aid?" asks it about
 * legal aid (its opening and its years kept); "more on that" asks it again.
 */
export function followUp(previous: string, message: string): string | undefined {
  const zh = LEANS_ON_PREVIOUS_ZH.exec(message);
  if (zh && yearsIn(previous).length) {
    // "那2022年呢？" asks the previous question of 2022; "前一年呢？" of the year before it.
    const year = zh[1] ?? zh[2];
    return previous.replace(
      /(19|20)\d{2}/g,
      (y) => year ?? String(Number(y) + (zh[3] === '后' || zh[3] === '下' ? 1 : -1)),
    );
  }
  const m = LEANS_ON_PREVIOUS.exec(message);
  if (!m) return undefined;
  const previousYears = yearsIn(previous);
  const years = yearsIn(message);
  if (m[1]) {
    // "the year before": the year before the one asked about.
    if (!previousYears.length) return undefined;
    const shift = /after/i.test(m[1]) ? 1 : -1;
    return previous.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + shift));
  }
  if (!m[3]) return previous; // "more on that"
  const topic = m[3].trim();
  // "and how many were mediated?": a question of its own, in the previous question's year.
  if (QUESTION_FRAME.test(topic))
    return years.length || !previousYears.length
      ? topic
      : `${topic.replace(/[\s?？.!]+$/, '')} in ${previousYears[0]}?`;
  const rest = topic.replace(/\b(?:in|for|during)?\s*\b(19|20)\d{2}\b/g, ' ').trim();
  // "and in 2022?": only a time changes.
  if (years.length && !tokenize(rest).length) {
    return previousYears.length
      ? previous.replace(/\b(19|20)\d{2}\b/, years[0]!)
      : `${previous.replace(/[\s?？.!]+$/, '')} in ${years[0]}?`;
  }
  // "what about legal aid?": the previous question's opening, about the new topic, in its year(s).
  const frame = QUESTION_FRAME.exec(previous)?.[1];
  if (!frame) return undefined;
  const when = years.length ? '' : previousYears.length ? ` in ${previousYears[0]}` : '';
  return `${frame} ${topic.replace(/[\s?？.!]+$/, '')}${when}?`;
}
