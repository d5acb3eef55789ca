/**
 * A file's bytes, read a range at a time, so that a 100 MB upload never has to exist as one 100 MB
 * ArrayBuffer: the parser asks for a few megabytes, decodes them and lets them go.
 */
export interface ByteSource {
  /** Total length in bytes. */
  size: number;
  /** The bytes in [from, to), clamped to the source's size. */
  read(from: number, to: number): Promise<Uint8Array>;
}

/** Bytes already in memory (tests, Node). Reads are views, not copies. */
export function fromBytes(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (from, to) => Promise.resolve(bytes.subarray(from, to)),
  };
}

/**
 * A Blob or File, read with `slice().arrayBuffer()`. A read can reject (a file changed or removed on disk:
 * NotReadableError); callers pass that on rather than treating it as a parse problem.
 */
export function fromBlob(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (from, to) => new Uint8Array(await blob.slice(from, to).arrayBuffer()),
  };
}

/** Wraps an error thrown by ByteSource.read, so that it can be told apart from a decoding error. */
export class ReadError extends Error {
  constructor(cause: unknown) {
    super('read failed', { cause });
  }
}

/**
 * Starts reading [from, to) now, for a caller that will await it later (the next slice, read while this
 * one is parsed). A failed read rejects with a ReadError, and is not reported as unhandled if the caller
 * stops before awaiting it.
 */
export function readAhead(source: ByteSource, from: number, to: number): Promise<Uint8Array> {
  const read = source.read(from, Math.min(source.size, to)).catch((error: unknown) => {
    throw new ReadError(error);
  });
  read.catch(() => {});
  return read;
}
