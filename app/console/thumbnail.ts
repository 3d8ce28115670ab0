// Why: a photo of a letter or report is shown as a small picture beside its action in the outbox (the photo itself goes up with it).

const EDGE = 160;

/** A JPEG data URL at most 160 px on its longer edge, or undefined when the file is not a readable image. */
export async function thumbnail(file: File | null): Promise<string | undefined> {
  if (!file || file.size === 0 || !file.type.startsWith("image/")) return undefined;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL("image/jpeg", 0.7);
  } catch {
    return undefined;
  }
}
