// A small bounded memory (least recently used goes first) for what does not fit in a custom_id.

export interface Memory<T> {
  put(key: string, value: T): void;
  get(key: string): T | undefined;
  readonly size: number;
}

export function createMemory<T>(max: number): Memory<T> {
  const map = new Map<string, T>();
  return {
    put(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > max) map.delete(map.keys().next().value!);
    },
    get(key) {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    get size() {
      return map.size;
    },
  };
}
