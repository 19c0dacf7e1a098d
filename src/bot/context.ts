/** The bot's context type: grammY's Context plus the reader's UI language. */
import type { Context } from 'grammy';
import type { Lang, Strings } from './i18n.js';

export interface BotContext extends Context {
  lang: Lang;
  /** The bot's own words in the reader's language. */
  t: Strings;
}
