/**
 * Recent answers, so "Other matches" can page through them by a short id that fits in
 * callback data. Bounded (least recently used entries go first); after a restart old
 * buttons say "expired" instead of failing.
 */
import type { Answer } from '../answer/types.js';

export class AnswerCache {
  private readonly entries = new Map<string, Answer>();
  private counter = 0;

  constructor(private readonly capacity = 2000) {}

  /** Stores an answer and returns its id (base-36, a few characters). */
  put(answer: Answer): string {
    const id = (this.counter++).toString(36);
    this.entries.set(id, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  get(id: string): Answer | undefined {
    const answer = this.entries.get(id);
    if (answer) {
      this.entries.delete(id);
      this.entries.set(id, answer);
    }
    return answer;
  }
}
