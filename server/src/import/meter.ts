import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * Counts the bytes one read of a reader has taken from its files: the files it finished plus what
 * the open file's stream has read (up to a stream buffer ahead of the parser, close enough for a
 * progress bar). Readers open their files through it; the pipeline reports progress by bytes
 * because the number of rows to write is known only once the input has been read.
 */
export class ReadMeter {
  private finished = 0;
  private current: ReadStream | null = null;

  /** Starts counting a new read from zero. */
  reset(): void {
    this.finished = 0;
    this.current = null;
  }

  /** A read stream of `path`, counted (the previous file counts as finished). */
  open(path: string): ReadStream {
    this.finishCurrent();
    this.current = createReadStream(path);
    return this.current;
  }

  /** Counts `bytes` read by other means (a file read whole). */
  add(bytes: number): void {
    this.finished += bytes;
  }

  get bytes(): number {
    return this.finished + (this.current?.bytesRead ?? 0);
  }

  private finishCurrent(): void {
    if (this.current) this.finished += this.current.bytesRead;
    this.current = null;
  }
}

/** The total size of the files, in bytes. */
export async function fileBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path)).size;
  return total;
}
