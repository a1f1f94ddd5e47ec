// Which files of a Piper pack are the voice: the pack's `*.onnx` and its `*.onnx.json`. Asked of
// the Hearth server (/api/models), so real packs keep their upstream file names.

interface PackListing {
  roles: { packs: { id: string; files: { path: string }[] }[] }[];
}

export async function findVoiceFile(packId: string, origin: string = self.location.origin): Promise<string> {
  const res = await fetch(new URL('/api/models', origin));
  if (!res.ok) throw new Error(`cannot list model packs: HTTP ${res.status}`);
  const listing = (await res.json()) as PackListing;
  const pack = listing.roles.flatMap((r) => r.packs).find((p) => p.id === packId);
  if (!pack) throw new Error(`unknown model pack "${packId}"`);
  const model = pack.files.find((f) => f.path.endsWith('.onnx') && pack.files.some((g) => g.path === `${f.path}.json`));
  if (!model) throw new Error(`pack "${packId}" has no Piper voice (<name>.onnx + <name>.onnx.json)`);
  return model.path;
}
