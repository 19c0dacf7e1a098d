/**
 * (Used by the end-to-end tests and by `npm run bench:bot`.)
 *
 * A Bot API for end-to-end tests, on loopback only: the telegram-test-api emulator behind
 * a small proxy that
 *  - answers the methods the emulator lacks (command menu, chat actions, inline answers,
 *    chat members), recording every call;
 *  - turns the emulator's instant getUpdates into real long polling (no busy loop);
 *  - can inject raw updates (inline queries, photos, duplicates) and faults (429, 5xx,
 *    delays, dropped connections) for the next calls of a method.
 */
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServerModule from 'telegram-test-api';
import { freePort } from './processes.js';

export { freePort };

// The package is CommonJS with `exports.default`; depending on the loader the class sits on `.default` or is the module
// itself.
const TelegramServer = ((TelegramServerModule as unknown as { default?: unknown }).default ??
  TelegramServerModule) as typeof import('telegram-test-api').default;
type TelegramServer = InstanceType<typeof TelegramServer>;

export const TOKEN = '123456789:TEST-token-for-the-emulator_abcdefghij';

export interface Fault {
  status?: number;
  body?: unknown;
  delayMs?: number;
  /** Close the socket without answering. */
  drop?: boolean;
}

type Json = Record<string, unknown>;

const LOCAL_METHODS = new Set([
  'setMyCommands',
  'setMyDescription',
  'setMyShortDescription',
  'deleteMyCommands',
  'getMyCommands',
  'sendChatAction',
  'answerInlineQuery',
  'getChatMember',
  'getChat',
  'setChatMenuButton',
  'close',
  'logOut',
]);

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The emulator posts webhook updates without the X-Telegram-Bot-Api-Secret-Token header that
 * Telegram sends when setWebhook was given a secret_token; send it the way Telegram does.
 */
function sendWebhookSecret(emulator: TelegramServer): void {
  const server = emulator as unknown as {
    webhooks: Record<string, { url: string; secret_token?: string }>;
    updateId: number;
    addUserUpdate(update: Json & { botToken: string }): Promise<void>;
  };
  const original = server.addUserUpdate.bind(server);
  server.addUserUpdate = async (update) => {
    const hook = server.webhooks[update.botToken];
    if (!hook?.secret_token) return original(update);
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': hook.secret_token };
    const res = await fetch(hook.url, {
      method: 'POST',
      headers,
      body: JSON.stringify((TelegramServer as unknown as { formatUpdate(u: unknown): unknown }).formatUpdate(update)),
    });
    if (res.status > 204) throw new Error(`Webhook invocation failed: ${res.status}`);
    server.updateId++;
  };
}

export class BotApiHarness {
  readonly calls: { method: string; body: Json; at: number }[] = [];
  readonly injected: Json[] = [];
  readonly faults = new Map<string, Fault[]>();
  /** Status returned by getChatMember, per "chatId:userId" (default "member"). */
  readonly chatMembers = new Map<string, string>();
  /** Added latency per method, in ms (every call, unlike `fail`). */
  readonly delays = new Map<string, number>();
  /** Chats that answer 403 "bot was blocked by the user" to sendMessage. */
  readonly blockedChats = new Set<number>();
  /** While true every request's connection is dropped: the Bot API is unreachable. */
  down = false;
  private nextInjectedId = 1_000_000;

  private constructor(
    readonly emulator: TelegramServer,
    private readonly proxy: Server,
    readonly apiRoot: string,
  ) {}

  static async start(): Promise<BotApiHarness> {
    const emulatorPort = await freePort();
    const emulator = new TelegramServer({ port: emulatorPort, host: '127.0.0.1', storeTimeout: 600 });
    await emulator.start();
    sendWebhookSecret(emulator);
    const proxy = createServer();
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    const harness = new BotApiHarness(emulator, proxy, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    proxy.on('request', (req, res) => {
      harness.handle(req, res, emulatorPort).catch((error: unknown) => {
        res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    return harness;
  }

  /** A simulated user (private chat unless options say otherwise). */
  client(
    userId: number,
    options: {
      chatId?: number;
      type?: 'private' | 'group' | 'supergroup';
      languageCode?: string;
      firstName?: string;
    } = {},
  ) {
    const client = this.emulator.getClient(TOKEN, {
      userId,
      chatId: options.chatId ?? userId,
      type: options.type ?? 'private',
      firstName: options.firstName ?? `User${userId}`,
      userName: `user${userId}`,
      timeout: 5000,
    });
    const from = {
      id: userId,
      is_bot: false,
      first_name: options.firstName ?? `User${userId}`,
      username: `user${userId}`,
      language_code: options.languageCode ?? 'en',
    };
    const emulator = this.emulator;
    // Messages already in the chat when this client is made are not "new" to it.
    const seen = new Set<number>(
      this.emulator.storage.botMessages
        .filter(
          (m: { message: { chat_id: unknown } }) => String(m.message.chat_id) === String(options.chatId ?? userId),
        )
        .map((m: { messageId: number }) => m.messageId),
    );
    return {
      raw: client,
      chatId: options.chatId ?? userId,
      async say(text: string) {
        if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text, { from }) as never);
        else await client.sendMessage(client.makeMessage(text, { from }) as never);
      },
      async press(data: string, messageId: number) {
        await client.sendCallback(
          client.makeCallbackQuery(data, { from, message: { message_id: messageId } as never }),
        );
      },
      /** Waits until `count` new bot messages arrived in this chat (read from the emulator's store); returns them. */
      async replies(count = 1, timeoutMs = 10_000): Promise<Json[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const fresh = this.history().filter((m) => !seen.has(m.messageId as number));
          if (fresh.length >= count) {
            const taken = fresh.slice(0, count);
            for (const m of taken) seen.add(m.messageId as number);
            return taken;
          }
          if (Date.now() > deadline)
            throw new Error(
              `expected ${count} repl${count === 1 ? 'y' : 'ies'}, got ${fresh.length}: ${JSON.stringify(fresh).slice(0, 500)}`,
            );
          await new Promise((r) => setTimeout(r, 15));
        }
      },
      /** Bot messages as stored now (after edits). */
      history(): Json[] {
        return emulator.storage.botMessages
          .filter(
            (m: { message: { chat_id: unknown }; messageId: number }) =>
              String(m.message.chat_id) === String(options.chatId ?? userId),
          )
          .map((m: { message: unknown; messageId: number }) => ({ ...(m.message as Json), messageId: m.messageId }));
      },
      from,
    };
  }

  /** Adds a raw update (update_id is assigned) to the next getUpdates. */
  inject(update: Json): number {
    const id = this.nextInjectedId++;
    this.injected.push({ update_id: id, ...update });
    return id;
  }

  /** Queues faults for the next calls of `method`. */
  fail(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  callsOf(method: string): Json[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.body);
  }

  async stop(): Promise<void> {
    this.proxy.closeAllConnections();
    this.proxy.close();
    await this.emulator.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse, emulatorPort: number): Promise<void> {
    const raw = await readBody(req);
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const method = match?.[2] ?? '';
    let body: Json = {};
    try {
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      body = {};
    }
    this.calls.push({ method, body, at: performance.now() });
    if (this.down) return void req.socket.destroy();
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const fault = this.faults.get(method)?.shift();
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop) return void req.socket.destroy();
      if (fault.status)
        return void send(
          fault.status,
          fault.body ?? { ok: false, error_code: fault.status, description: `injected ${fault.status}` },
        );
    }
    if (method === 'sendMessage' && this.blockedChats.has(Number(body.chat_id))) {
      return void send(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    }
    if (LOCAL_METHODS.has(method)) {
      if (method === 'getChatMember')
        return void send(200, {
          ok: true,
          result: {
            status: this.chatMembers.get(`${String(body.chat_id)}:${String(body.user_id)}`) ?? 'member',
            user: { id: Number(body.user_id), is_bot: false, first_name: 'U' },
          },
        });
      return void send(200, { ok: true, result: true });
    }
    if (method === 'getUpdates')
      return void send(200, { ok: true, result: await this.longPoll(Number(body.timeout ?? 0), emulatorPort) });
    const forwarded = await forward(
      emulatorPort,
      req.url ?? '/',
      raw,
      req.headers['content-type'] ?? 'application/json',
    );
    res.writeHead(forwarded.status, { 'content-type': 'application/json' }).end(forwarded.body);
  }

  private async longPoll(timeoutSeconds: number, emulatorPort: number): Promise<unknown[]> {
    const deadline = Date.now() + Math.min(timeoutSeconds, 1) * 1000;
    for (;;) {
      const injected = this.injected.splice(0);
      const fromEmulator = (
        JSON.parse((await forward(emulatorPort, `/bot${TOKEN}/getUpdates`, '{}', 'application/json')).body) as {
          result: unknown[];
        }
      ).result;
      const all = [...injected, ...fromEmulator];
      if (all.length || Date.now() >= deadline) return all;
      await new Promise((r) => setTimeout(r, 15));
    }
  }
}

function forward(
  port: number,
  path: string,
  body: string,
  contentType: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 500, body: Buffer.concat(parts).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
