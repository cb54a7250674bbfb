/**
 * Adds a constant label to every sample of a Prometheus text exposition, so
 * the series of several replicas scraped into one Prometheus stay apart
 * (sum by (replica) …) whatever produced the text.
 *
 * @example withConstantLabel('bot_up 1\n', 'replica', 'bot-2') // 'bot_up{replica="bot-2"} 1\n'
 */
export function withConstantLabel(exposition: string, name: string, value: string): string {
  const label = `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  return exposition
    .split('\n')
    .map((line) => {
      if (!line || line.startsWith('#')) return line;
      const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*?)\})?(\s.*)$/.exec(line);
      if (!sample) return line;
      const [, metric, , labels, rest] = sample;
      return `${metric}{${labels ? `${label},${labels}` : label}}${rest}`;
    })
    .join('\n');
}
