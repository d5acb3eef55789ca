/**
 * One column under construction: typed arrays that grow as rows arrive and are cut to size at the end.
 */
import { detach, parseNumber } from './sniff';
import type { Column } from './types';

/** A numeric column remembers how each number was written only for this many distinct values. */
const SPELLING_CAP = 4096;
/** Up to this many distinct values, a lookup compares strings instead of hashing. */
const SMALL_DICTIONARY = 8;

type Resizable = ArrayBuffer & { transfer?: (byteLength: number) => ArrayBuffer };

/**
 * The array with exactly `length` elements, keeping the values that fit. ArrayBuffer.transfer (ES2024;
 * browsers, Node 21+) frees the old buffer at once, often growing or shrinking it in place; copying
 * instead leaves the old buffer to the garbage collector, so a column briefly exists twice.
 */
function resized(array: Float64Array, length: number): Float64Array;
function resized(array: Int32Array, length: number): Int32Array;
function resized(array: Float64Array | Int32Array, length: number): Float64Array | Int32Array {
  if (array.length === length) return array;
  const buffer = array.buffer as Resizable;
  const float = array instanceof Float64Array;
  if (buffer.transfer) {
    const moved = buffer.transfer(length * array.BYTES_PER_ELEMENT);
    return float ? new Float64Array(moved) : new Int32Array(moved);
  }
  if (length < array.length) return array.slice(0, length);
  const next = float ? new Float64Array(length) : new Int32Array(length);
  next.set(array);
  return next;
}

/**
 * One column while parsing. It stays numeric (a Float64Array, NaN = missing) until a cell that is not a
 * number arrives, then turns into dictionary codes for good. A numeric column does not keep a dictionary
 * (a million distinct numbers would mean a million strings); while it has at most SPELLING_CAP distinct
 * numbers it remembers how each was written, so `1.50` stays `1.50` if text turns up later. Past the cap it
 * forgets them all, and a later turn to text writes every number with String() (`1.50` becomes `1.5`);
 * thousands of distinct numbers followed by text is rare, and then one consistent spelling is better.
 */
export class ColumnBuilder {
  length = 0;
  private present = 0;
  private capacity: number;
  private nums: Float64Array | null;
  private spellings: Map<number, string> | null = new Map();
  private codes: Int32Array = new Int32Array(0);
  /**
   * Dictionary codes, one Map per value length. V8's Map slows down badly on many similar keys such as
   * `needs review 520` (3x on a 10,000-value text column); splitting by length keeps each Map small.
   */
  private readonly dicts: Map<string, number>[] = [];
  private readonly entries: string[] = [];

  /**
   * Buffers start small and jump to `expectedRows` at the first growth, once the column has shown whether
   * it holds numbers: a text column then never reserves a full-size Float64Array it would throw away.
   */
  constructor(
    private readonly expectedRows: number,
    private readonly decimalComma: boolean,
  ) {
    this.capacity = Math.min(expectedRows, 1024);
    this.nums = new Float64Array(this.capacity);
  }

  /** Adds a trimmed, non-missing cell. */
  push(cell: string): void {
    if (this.length === this.capacity) this.grow();
    this.present++;
    if (this.nums) {
      const x = parseNumber(cell, this.decimalComma);
      if (x === x) {
        this.nums[this.length++] = x;
        if (this.spellings && !this.spellings.has(x)) this.remember(x, detach(cell));
        return;
      }
      this.toCategory();
    }
    this.codes[this.length++] = this.code(cell);
  }

  pushMissing(): void {
    if (this.length === this.capacity) this.grow();
    if (this.nums) this.nums[this.length++] = NaN;
    else this.codes[this.length++] = -1;
  }

  /** The finished column. The builder lets go of its buffers, so only one column is ever held twice. */
  finish(name: string): Column {
    const n = this.length;
    const [nums, codes] = [this.nums, this.codes];
    [this.nums, this.codes] = [null, new Int32Array(0)];
    if (nums && this.present > 0) return { storage: 'number', name, values: resized(nums, n) };
    // A column with no value at all becomes an empty category column rather than a column of NaN.
    const column = nums ? new Int32Array(n).fill(-1) : resized(codes, n);
    return { storage: 'category', name, codes: column, dictionary: this.entries };
  }

  private remember(x: number, cell: string): void {
    if (this.spellings!.size >= SPELLING_CAP) this.spellings = null;
    else this.spellings!.set(x, cell);
  }

  private code(value: string): number {
    // Most category columns have a handful of values (sex, yes/no): comparing against each is cheaper than
    // hashing every cell.
    const entries = this.entries;
    if (entries.length <= SMALL_DICTIONARY) {
      for (let i = 0; i < entries.length; i++) if (entries[i] === value) return i;
    }
    const byLength = (this.dicts[value.length] ??= new Map());
    let c = byLength.get(value);
    if (c === undefined) {
      c = this.entries.length;
      const own = detach(value);
      byLength.set(own, c);
      this.entries.push(own);
    }
    return c;
  }

  private toCategory(): void {
    const nums = this.nums!;
    this.codes = new Int32Array(this.capacity);
    for (let i = 0; i < this.length; i++) {
      const x = nums[i];
      this.codes[i] = x !== x ? -1 : this.code(this.spellings?.get(x) ?? this.spell(x));
    }
    this.nums = null;
    this.spellings = null;
  }

  private spell(x: number): string {
    return this.decimalComma ? String(x).replace('.', ',') : String(x);
  }

  private grow(): void {
    const size = this.capacity;
    this.capacity = size < this.expectedRows ? this.expectedRows : Math.ceil(size * 1.5) + 1024;
    if (this.nums) this.nums = resized(this.nums, this.capacity);
    else this.codes = resized(this.codes, this.capacity);
  }
}
