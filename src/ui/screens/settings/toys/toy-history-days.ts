// Groups a toy's history (newest first) by the parent's local day, with "Today" / "Yesterday" labels.

export interface DayGroup<T> {
  /** Local "YYYY-MM-DD". */
  day: string;
  label: string;
  turns: T[];
}

const dayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Keeps the order it is given; consecutive turns of one local day share a group. */
export function groupByDay<T extends { startedAt: string }>(
  turns: readonly T[],
  now: Date = new Date(),
  locale?: string,
): DayGroup<T>[] {
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const groups: DayGroup<T>[] = [];
  for (const turn of turns) {
    const started = new Date(turn.startedAt);
    const day = dayKey(started);
    const last = groups.at(-1);
    if (last?.day === day) {
      last.turns.push(turn);
      continue;
    }
    const label =
      day === today
        ? 'Today'
        : day === yesterday
          ? 'Yesterday'
          : started.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    groups.push({ day, label, turns: [turn] });
  }
  return groups;
}
