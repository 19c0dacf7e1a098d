/**
 * The notices' own words in English and Chinese, and their commands for the menu and /help:
 * they come into the bot with the notices plug-in (service.ts), so a bot without notices
 * shows none of them. Pure.
 */
import type { CommandHelp, Lang } from '../bot/i18n.js';

const en = {
  newReport: 'A new report has been added:',
  askAbout: 'Ask about it, for example:',
  watchHeader: (words: string) => `In the new report, on “${words}”:`,
  subscribed: 'Subscribed. I will tell you when a new report is added.',
  alreadySubscribed: 'You are already subscribed.',
  unsubscribed: 'Unsubscribed. You will get no more notices.',
  notSubscribed: 'You are not subscribed. Send /subscribe to get notices of new reports.',
  statusLine: (since: string, reports: number) => `Subscribed since ${since}. ${reports} report(s) indexed.`,
  statusOff: (reports: number) => `Not subscribed. ${reports} report(s) indexed. Send /subscribe to get notices.`,
  adminsOnly: "Only a group admin can change this group's subscription.",
  watchUsage:
    'Usage: /watch words to follow (e.g. /watch legal aid). /unwatch words stops one topic; /status lists them.',
  watching: (words: string[]) => `With each new report I will also send passages about: ${words.join('; ')}`,
  unwatched: 'Watched topics cleared.',
  unwatchedOne: (words: string) => `Stopped watching “${words}”.`,
  watchedTopics: 'Watched topics:',
  subscribeButton: '🔔 Subscribe',
  unsubscribeButton: '🔕 Unsubscribe',
  unwatchButton: (words: string) => `✖ ${words}`,
};

const zh: typeof en = {
  newReport: '新增了一份报告：',
  askAbout: '可以这样提问：',
  watchHeader: (words: string) => `新报告中关于“${words}”：`,
  subscribed: '订阅成功。有新报告时我会通知您。',
  alreadySubscribed: '您已经订阅了。',
  unsubscribed: '已取消订阅，您将不再收到通知。',
  notSubscribed: '您尚未订阅。发送 /subscribe 即可在有新报告时收到通知。',
  statusLine: (since: string, reports: number) => `自 ${since} 起已订阅。已收录 ${reports} 份报告。`,
  statusOff: (reports: number) => `未订阅。已收录 ${reports} 份报告。发送 /subscribe 订阅通知。`,
  adminsOnly: '只有群管理员可以更改本群的订阅。',
  watchUsage: '用法：/watch 关注的词语（例如 /watch 法律援助）。/unwatch 词语 停止关注某个主题；/status 查看全部。',
  watching: (words: string[]) => `每有新报告，我也会发送与以下主题相关的段落：${words.join('；')}`,
  unwatched: '已清除关注的主题。',
  unwatchedOne: (words: string) => `已停止关注“${words}”。`,
  watchedTopics: '关注的主题：',
  subscribeButton: '🔔 订阅',
  unsubscribeButton: '🔕 取消订阅',
  unwatchButton: (words: string) => `✖ ${words}`,
};

export type NoticeStrings = typeof en;
export const NOTICE_STRINGS: Record<Lang, NoticeStrings> = { en, zh };

/** The notices' commands: the menu's description and the line of /help. */
export const NOTICE_COMMANDS: Record<Lang, CommandHelp[]> = {
  en: [
    {
      command: 'subscribe',
      description: 'Notify me of new reports',
      help: '/subscribe: be told when a new report is added',
    },
    { command: 'unsubscribe', description: 'Stop notices', help: '/unsubscribe: stop those notices' },
    { command: 'status', description: 'Subscription status', help: '/status: your subscription and topics' },
    {
      command: 'watch',
      description: 'Also send passages on a topic',
      help: '/watch words: also send passages about a topic from each new report',
    },
    { command: 'unwatch', description: 'Stop topic passages', help: '/unwatch: stop topic passages' },
  ],
  zh: [
    { command: 'subscribe', description: '有新报告时通知我', help: '/subscribe：有新报告时通知我' },
    { command: 'unsubscribe', description: '取消通知', help: '/unsubscribe：取消通知' },
    { command: 'status', description: '订阅状态', help: '/status：订阅状态和关注的主题' },
    { command: 'watch', description: '同时推送某主题的段落', help: '/watch 词语：每有新报告，同时推送该主题的段落' },
    { command: 'unwatch', description: '停止推送主题段落', help: '/unwatch：停止推送主题段落' },
  ],
};
