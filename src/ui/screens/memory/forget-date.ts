// A memory's "forget after" date as the date field shows it: the parent picks a day, and the
// memory is forgotten when that day is over (local midnight after it).

/** "YYYY-MM-DD" of a local date. */
export function dateField(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The moment a memory with this "forget after" day is forgotten, or null for a bad field. */
export function forgetMomentOf(field: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const start = new Date(year, month, day);
  if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== day) return null;
  return new Date(year, month, day + 1).getTime();
}

/** The day the field shows for a stored forget moment. */
export function dateFieldOf(forgetAfter: number): string {
  return dateField(new Date(forgetAfter - 1));
}
