/**
 * Values from the input quoted in messages: cut to a readable length, so a
 * megabyte-long scalar or directive costs a line, not a megabyte, in every
 * place that shows the message.
 */
import { budgets } from './budgets';

export function clip(text: string, max: number = budgets.quotedChars): string {
  if (text.length <= max) return text;
  let end = max - 3;
  // Never end on the first half of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
