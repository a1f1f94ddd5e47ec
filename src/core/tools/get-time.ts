import type { Tool, ToolContext } from './types.ts';
import { normalizeUtterance } from './utterance.ts';

const TIME_QUESTIONS = [
  /^what time is it(?: now| right now)?$/,
  /^whats the time(?: now| right now)?$/,
  /^what is the time(?: now| right now)?$/,
  /^(?:tell me|do you know) what time it is$/,
  /^tell me the time$/,
];
const DATE_QUESTIONS = [
  /^what day is it(?: today)?$/,
  /^(?:whats|what is) the date(?: today)?$/,
  /^(?:whats|what is) todays date$/,
];

/** Tells the local time and date. */
export const getTimeTool: Tool = {
  name: 'get_time',
  description: 'Get the current local time and date.',
  parameters: { type: 'object', properties: {} },

  async execute(_args, ctx) {
    const { time, date, year } = formatNow(ctx);
    return {
      content: `The local time is ${time} on ${date}, ${year}.`,
      say: `It's ${time} on ${date}.`,
    };
  },

  directCommand(utterance) {
    const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
    const asked = [...TIME_QUESTIONS, ...DATE_QUESTIONS].some((pattern) => pattern.test(text));
    return asked ? {} : null;
  },
};

function formatNow(ctx: ToolContext): { time: string; date: string; year: string } {
  const zone = ctx.timeZone ? { timeZone: ctx.timeZone } : {};
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(ctx.locale, { ...options, ...zone }).format(ctx.now);
  return {
    time: format({ hour: 'numeric', minute: '2-digit' }),
    date: format({ weekday: 'long', month: 'long', day: 'numeric' }),
    year: format({ year: 'numeric' }),
  };
}
