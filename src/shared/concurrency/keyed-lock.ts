/**
 * Serialises async sections per key within one process (spec ARCH-001: the library's one keyed
 * lock): a section runs once every earlier section of the same key has settled; different keys
 * run freely. A key's entry disappears when its queue drains.
 */
export class KeyedLock<K = string> {
  private readonly tails = new Map<K, Promise<void>>();

  /** Runs `section` once every earlier section of `key` has settled. */
  async run<T>(key: K, section: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous === undefined ? current : previous.then(() => current);
    this.tails.set(key, tail);
    try {
      if (previous !== undefined) await previous;
      return await section();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
