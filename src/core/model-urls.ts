// Where a model file lives on Hearth's own server (never the internet): /models/<pack>/<file>.
// One place for the path shape, shared by the engines that fetch files and the storage that keeps them.

/** The path of one file of a pack, each segment encoded. */
export function modelFilePath(packId: string, file: string): string {
  return `/models/${encodeURIComponent(packId)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Pack id and file path back from a /models/<pack>/<file> path (null for anything else). */
export function parseModelPath(pathname: string): { packId: string; path: string } | null {
  const m = /^\/models\/([^/]+)\/(.+)$/.exec(pathname);
  if (!m) return null;
  return { packId: decodeURIComponent(m[1]!), path: m[2]!.split('/').map(decodeURIComponent).join('/') };
}
