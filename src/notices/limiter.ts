/**
 * Telegram's sending limits as a pure scheduler (the clock is passed in): about 25
 * messages a second overall, one a second per chat, 20 a minute per group, and a global
 * pause after a 429.
 */
export interface DeliveryLimits {
  perSecond: number;
  perChatMs: number;
  groupPerMinute: number;
}

export const TELEGRAM_LIMITS: DeliveryLimits = { perSecond: 25, perChatMs: 1000, groupPerMinute: 20 };

export class DeliveryLimiter {
  private nextGlobalAt = 0;
  private readonly lastByChat = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();

  constructor(readonly limits: DeliveryLimits = TELEGRAM_LIMITS) {}

  /** Milliseconds until any message may go out (global spacing or a 429 pause). */
  globalWait(now: number): number {
    return Math.max(0, this.nextGlobalAt - now);
  }

  /** Milliseconds until this chat may receive a message. */
  chatWait(chatId: number, isGroup: boolean, now: number): number {
    let wait = Math.max(0, (this.lastByChat.get(chatId) ?? -Infinity) + this.limits.perChatMs - now);
    if (isGroup) {
      const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.groupSends.set(chatId, sends);
      if (sends.length >= this.limits.groupPerMinute) wait = Math.max(wait, sends[0]! + 60_000 - now);
    }
    return wait;
  }

  /** Records a send at `now`. */
  record(chatId: number, isGroup: boolean, now: number): void {
    this.nextGlobalAt = Math.max(this.nextGlobalAt, now) + 1000 / this.limits.perSecond;
    this.lastByChat.set(chatId, now);
    if (this.lastByChat.size > 100_000) this.lastByChat.clear();
    if (isGroup) this.groupSends.set(chatId, [...(this.groupSends.get(chatId) ?? []), now]);
  }

  /** Nothing goes out before `until` (after a 429 with retry_after). */
  pauseUntil(until: number): void {
    this.nextGlobalAt = Math.max(this.nextGlobalAt, until);
  }
}
