// What the Library says when the home server's catalog cannot be read. A dropped connection is
// the usual cause (the tablet left the house, the server is off): that gets a friendly line, not
// the browser's "Failed to fetch".

export type LibraryAction = 'load' | 'search';

/** The error of a fetch that never reached the server (offline, refused, DNS, CORS). */
export function isUnreachable(error: unknown, online: boolean): boolean {
  if (!online) return true;
  if (error instanceof TypeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /failed to fetch|networkerror|load failed|network request failed|\b(502|503|504)\b/i.test(message);
}

export function libraryProblem(action: LibraryAction, error: unknown, online: boolean): string {
  if (isUnreachable(error, online)) {
    return action === 'load'
      ? 'The Library lives on the home server, which can’t be reached right now. Songs and stories come back as soon as it is.'
      : 'Searching needs the home server, which can’t be reached right now. Try again when it is back.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return action === 'load'
    ? `The home server couldn’t list the library (${detail}).`
    : `The home server couldn’t search the library (${detail}).`;
}
