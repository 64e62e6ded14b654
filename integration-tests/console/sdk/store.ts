/** A tiny external store for useSyncExternalStore: a value, a setter and change listeners. */
export class Store<T> {
  private listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set = (next: T): void => {
    if (next !== this.value) {
      this.value = next;
      this.listeners.forEach((l) => {
        l();
      });
    }
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
