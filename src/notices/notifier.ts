/**
 * New-report notices: decides which indexed reports are news, composes one notice per
 * subscriber (in the subscriber's language, with example-question buttons) plus the
 * passages matching their watched topics, and queues them in the outbox in one transaction.
 */
import { InlineKeyboard } from 'grammy';
import type { AnswerEngine } from '../answer/engine.js';
import type { ParsedReport } from '../corpus/types.js';
import { encodeCallback, reportKey } from '../bot/callback-data.js';
import { workingExamples, type ExampleLang } from '../answer/examples.js';
import { answerHtml, clipText, escapeHtml, MAX_LABEL, MAX_TITLE, packMessages, reportDetails } from '../bot/format.js';
import { langOf, STRINGS } from '../bot/i18n.js';
import { encodeNoticeCallback } from './callback-data.js';
import { NOTICE_STRINGS, type NoticeStrings } from './strings.js';
import { log } from '../log.js';
import type { OutboxRow, SubscriptionStore } from './store.js';

/**
 * The notice for one report in one language, with its example questions (checked to work: answer/examples.ts). Pure.
 */
export function noticePayload(
  report: ParsedReport,
  t: NoticeStrings,
  examples: string[],
  lang: ExampleLang,
): OutboxRow['payload'] {
  const m = report.meta;
  const details = reportDetails(m);
  const keyboard = new InlineKeyboard();
  examples.forEach((q, index) =>
    keyboard
      .text(clipText(q, 60), encodeCallback({ kind: 'reportExample', report: reportKey(report.id), index, lang }))
      .row(),
  );
  keyboard.text(t.unsubscribeButton, encodeNoticeCallback({ kind: 'subscription', on: false, showStatus: false }));
  const text = `📢 ${escapeHtml(t.newReport)}\n<b>${escapeHtml(clipText(m.title, MAX_TITLE))}</b>${details ? `\n${details}` : ''}\n\n${escapeHtml(t.askAbout)}`;
  return { text, replyMarkup: keyboard };
}

export class Notifier {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly engine: () => AnswerEngine,
    private readonly onQueued: () => void = () => undefined,
  ) {}

  /** On a new database, the reports already indexed are the starting point, not news. */
  async baselineIfNew(): Promise<void> {
    if (this.store.created) await this.store.markBaseline([...this.engine().index.reports.keys()]);
  }

  /** Announces every indexed report not announced yet; returns their ids. */
  async announcePending(): Promise<string[]> {
    const engine = this.engine();
    const fresh: ParsedReport[] = [];
    for (const r of engine.index.reports.values()) if (!(await this.store.isAnnounced(r.id))) fresh.push(r);
    for (const report of fresh) {
      const watched = await this.watchedPassages(engine, report);
      const examples = {
        en: await workingExamples(engine, report, 'en'),
        zh: await workingExamples(engine, report, 'zh'),
      };
      const queued = await this.store.announce(report.id, (s) => {
        const lang = langOf(s.lang);
        return [
          { part: 'notice', payload: noticePayload(report, NOTICE_STRINGS[lang], examples[lang], lang) },
          ...(watched.get(s.chatId) ?? []).map((payload, i) => ({ part: `watch-${i}`, payload })),
        ];
      });
      log.info(`New report "${report.id}": ${queued} message(s) queued for subscribers.`);
    }
    if (fresh.length) this.onQueued();
    return fresh.map((r) => r.id);
  }

  /**
   * chat id → one message per watched topic the new report answers with confidence: its passage quoted, and a
   * button opening the paragraph in the chat. A topic answered only with "closest passages" sends nothing.
   */
  private async watchedPassages(
    engine: AnswerEngine,
    report: ParsedReport,
  ): Promise<Map<number, OutboxRow['payload'][]>> {
    const out = new Map<number, OutboxRow['payload'][]>();
    const answers = new Map<string, Awaited<ReturnType<AnswerEngine['answer']>>>();
    for (const [chatId, topics] of await this.store.activeWatches()) {
      const lang = langOf((await this.store.subscriber(chatId))?.lang);
      const t = NOTICE_STRINGS[lang];
      const messages: OutboxRow['payload'][] = [];
      for (const words of topics) {
        if (!answers.has(words)) answers.set(words, await engine.answer(words, 1, report.id));
        const answer = answers.get(words)!;
        const top = answer.answers[0];
        // Header lines ("Information classification: …") are about the document, not the topic.
        if (
          answer.abstained ||
          answer.confidence !== 'high' ||
          !top ||
          report.paragraphs[top.citation.paragraph - 1]?.role !== 'body'
        )
          continue;
        const [text = ''] = packMessages([
          `<b>${escapeHtml(clipText(t.watchHeader(words), MAX_LABEL))}</b>`,
          answerHtml(top),
        ]);
        const replyMarkup = new InlineKeyboard().text(
          STRINGS[lang].moreContext,
          encodeCallback({ kind: 'context', report: reportKey(report.id), paragraph: top.citation.paragraph }),
        );
        messages.push({ text, replyMarkup });
      }
      if (messages.length) out.set(chatId, messages);
    }
    return out;
  }
}
