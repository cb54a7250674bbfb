import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { freeTextCommand } from '../../core/command.js';
import { parseTextArguments } from '../../core/command-shape.js';
import type { Invocation } from '../../core/invocation.js';
import type { Lang } from '../../core/reply.js';
import { errorReply, type Reply } from '../../core/reply.js';
import { localeLang, MESSAGES, textLang } from '../../present/index.js';
import type { Adapter, AdapterDeps } from '../adapter.js';
import { renderConsoleReply } from './render.js';

export interface ConsoleAdapterOptions extends AdapterDeps {
  input: Readable;
  output: Writable;
  color: boolean;
  /** called when the user leaves (Ctrl-D, /quit) */
  onExit?: () => void;
  /** the terminal's locale (LC_ALL, LC_MESSAGES or LANG: "ar_SA.UTF-8"), for a command typed before any question */
  locale?: string;
}

const PROMPT = '؟ ';

/**
 * The chat in a terminal: a line is a question, "/command args" runs a
 * command. The local operator is a moderator.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): Adapter {
  const { dispatcher, output } = options;
  let rl: Interface | undefined;
  let lastAnswer: { id: string; page: number } | undefined;
  let ready = false;
  // a bare command ("/help") has no language of its own: the member's last line's, else the terminal's
  let lastLang: Lang = localeLang(options.locale);
  const write = (text: string) => output.write(`${text}\n`);

  function toInvocation(line: string): Invocation | 'quit' {
    const base = {
      platform: 'console' as const,
      user: { id: 'console', isModerator: true },
      chat: { id: 'console', kind: 'console' as const },
    };
    const match = /^\/([a-z_]+)\s*([\s\S]*)$/i.exec(line);
    const textCommand = freeTextCommand(dispatcher.commands);
    if (!match)
      return textCommand ? { ...base, command: textCommand.name, args: { [textCommand.arg]: line } } : { ...base, command: '', args: {} };
    const name = match[1]!.toLowerCase();
    if (name === 'quit' || name === 'exit') return 'quit';
    if (name === 'more') return { ...base, command: 'more', args: { id: lastAnswer?.id ?? '-', page: (lastAnswer?.page ?? 0) + 1 } };
    const spec = dispatcher.find(name);
    return { ...base, command: name, args: spec ? parseTextArguments(spec, match[2] ?? '') : {} };
  }

  function remember(reply: Reply): void {
    if (reply.kind === 'answer' && reply.answerId) lastAnswer = { id: reply.answerId, page: reply.page };
  }

  async function handle(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    const invocation = toInvocation(text);
    if (invocation === 'quit') {
      rl?.close();
      return;
    }
    // a question's own language; a command's arguments', else the language the member last wrote in
    const own = text.startsWith('/') ? text.replace(/^\/\S*\s*/, '') : text;
    const lang = textLang(own, lastLang);
    lastLang = lang;
    try {
      const reply = await dispatcher.dispatch(invocation, { lang });
      remember(reply);
      write(`\n${renderConsoleReply(reply, { color: options.color })}\n`);
    } catch (error) {
      options.logger.error({ err: error, command: invocation.command }, 'console command failed');
      write(renderConsoleReply(errorReply('internal', lang), { color: options.color }));
    }
  }

  return {
    name: 'console',
    async start() {
      const size = options.bot.size();
      write(`${MESSAGES.consoleWelcome.ar(size.articles, size.passages)}\n${MESSAGES.consoleWelcome.en(size.articles, size.passages)}\n`);
      rl = createInterface({ input: options.input, output, prompt: PROMPT, terminal: (output as NodeJS.WriteStream).isTTY === true });
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        queue = queue.then(() => handle(line)).then(() => rl?.prompt());
      });
      // readline swallows Ctrl-C when nothing listens: make it leave the chat
      rl.on('SIGINT', () => rl?.close());
      rl.on('close', () => {
        ready = false;
        void queue.then(() => options.onExit?.());
      });
      ready = true;
      rl.prompt();
    },
    async stop() {
      ready = false;
      rl?.close();
    },
    isReady: () => ready,
  };
}
