// Row ids. Not crypto.randomUUID: it only exists in secure contexts, and Hearth is often opened
// over plain http on the LAN. getRandomValues works everywhere.

export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
