/** Downloads text as a file (a Blob URL clicked through a temporary link). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `sightline-console-2025-04-10T12-30-00.csv` */
export function timestampedName(prefix: string, ext: string, at = new Date()): string {
  return `${prefix}-${at.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-')}.${ext}`;
}
