import { z } from 'zod';
import type { CommandSpec } from './command.js';

/** One argument of a command, in platform-neutral terms. */
export interface OptionShape {
  name: string;
  description: string;
  descriptionAr?: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  choices?: string[];
  autocomplete?: boolean;
  /** the value is a channel of the current server */
  channel?: boolean;
}

export interface SubcommandShape {
  name: string;
  description: string;
  descriptionAr?: string;
  options: OptionShape[];
}

/** A command's arguments as derived from its zod schema. */
export type CommandShape = { options: OptionShape[]; subcommands?: undefined } | { options?: undefined; subcommands: SubcommandShape[] };

type JsonNode = {
  type?: string;
  const?: string;
  enum?: string[];
  description?: string;
  descriptionAr?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  channel?: boolean;
  properties?: Record<string, JsonNode>;
  required?: string[];
  oneOf?: JsonNode[];
  anyOf?: JsonNode[];
};

function optionOf(name: string, node: JsonNode, required: boolean, suggested: boolean): OptionShape {
  const type = node.type === 'integer' || node.type === 'number' || node.type === 'boolean' ? node.type : 'string';
  return {
    name,
    description: node.description ?? name,
    descriptionAr: node.descriptionAr,
    type,
    required,
    minLength: node.minLength,
    maxLength: node.maxLength,
    minimum: node.minimum,
    maximum: node.maximum,
    choices: node.enum,
    autocomplete: suggested || undefined,
    channel: node.channel,
  };
}

function optionsOf(node: JsonNode, suggested: ReadonlySet<string>, skip?: string): OptionShape[] {
  const required = new Set(node.required ?? []);
  return (
    Object.entries(node.properties ?? {})
      .filter(([name]) => name !== skip)
      .map(([name, child]) => optionOf(name, child, required.has(name), suggested.has(name)))
      // platforms want required options first
      .sort((a, b) => Number(b.required) - Number(a.required))
  );
}

/** Derives a command's options or subcommands from its zod schema. */
export function commandShape(spec: CommandSpec): CommandShape {
  const schema = z.toJSONSchema(spec.args, { io: 'input', unrepresentable: 'any' }) as JsonNode;
  const variants = schema.oneOf ?? schema.anyOf;
  const suggested = new Set(Object.keys(spec.suggest ?? {}));
  if (variants) {
    return {
      subcommands: variants.map((variant) => {
        const action = variant.properties?.action;
        const name = action?.const ?? action?.enum?.[0];
        if (!name) throw new Error(`Command "${spec.name}": every subcommand schema needs an "action" literal, e.g. z.literal('add').`);
        return {
          name,
          description: variant.description ?? name,
          descriptionAr: variant.descriptionAr,
          options: optionsOf(variant, suggested, 'action'),
        };
      }),
    };
  }
  return { options: optionsOf(schema, suggested) };
}

/** "/synonym add <expressions>" style usage lines. */
export function usageLines(spec: CommandSpec): string[] {
  const shape = commandShape(spec);
  const render = (options: OptionShape[]) => options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');
  if (shape.subcommands) return shape.subcommands.map((s) => `/${spec.name} ${s.name} ${render(s.options)}`.trimEnd());
  return [`/${spec.name} ${render(shape.options)}`.trimEnd()];
}

/**
 * Arguments from the text after a command ("/synonym add داعش = تنظيم الدولة"),
 * for platforms without typed options (Telegram, the console): the first word
 * picks a subcommand, the rest goes to the first string option whole, so
 * questions keep their spaces.
 */
export function parseTextArguments(spec: CommandSpec, text: string): Record<string, unknown> {
  const shape = commandShape(spec);
  let rest = text.trim();
  let options = shape.options;
  const args: Record<string, unknown> = {};
  if (shape.subcommands) {
    const [first = '', ...others] = rest.split(/\s+/);
    const sub = shape.subcommands.find((s) => s.name === first.toLowerCase());
    args.action = sub?.name ?? first;
    options = sub?.options ?? [];
    rest = others.join(' ');
  }
  const [option] = options ?? [];
  if (option && rest) args[option.name] = option.type === 'integer' || option.type === 'number' ? Number(rest) : rest;
  return args;
}
