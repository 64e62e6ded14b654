/** Injected failures: make matching requests fail with a status, hang, or drop open watches. */

export interface FaultSpec {
  /** HTTP method (GET, PATCH...) or API verb (get, list, watch, patch, delete, deletecollection...). */
  method?: string;
  /** Resource plural, e.g. `secrets`; `pods/status` matches the subresource only. */
  resource?: string;
  namespace?: string;
  name?: string;
  status?: number;
  message?: string;
  /** Never answer (until faults are cleared). */
  hang?: boolean;
  /** How many matching requests fail; unlimited when absent. */
  times?: number;
  /** Close matching open watches abnormally (and refuse nothing else). */
  dropWatch?: boolean;
}

export interface Fault extends FaultSpec {
  id: string;
  hits: number;
}

export interface RequestAttributes {
  method: string;
  verb: string;
  resource: string;
  subresource?: string;
  namespace: string;
  name?: string;
}

export function faultMatches(f: FaultSpec, a: RequestAttributes): boolean {
  if (f.method !== undefined) {
    const m = f.method;
    if (m.toUpperCase() !== a.method.toUpperCase() && m !== a.verb) return false;
  }
  if (f.resource !== undefined) {
    const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    if (f.resource !== res && !(f.resource === a.resource && a.subresource === undefined))
      return false;
  }
  if (f.namespace !== undefined && f.namespace !== a.namespace) return false;
  if (f.name !== undefined && f.name !== a.name) return false;
  return true;
}

export class Faults {
  private list: Fault[] = [];
  private seq = 0;

  add(spec: FaultSpec): Fault {
    const f: Fault = { ...spec, id: `fault-${++this.seq}`, hits: 0 };
    this.list.push(f);
    return f;
  }

  remove(id: string): void {
    this.list = this.list.filter((f) => f.id !== id);
  }

  clear(): void {
    this.list = [];
  }

  all(): Fault[] {
    return [...this.list];
  }

  /** The first request fault (status or hang) matching, consuming one of its `times`. */
  take(a: RequestAttributes): Fault | undefined {
    const f = this.list.find((x) => !x.dropWatch && faultMatches(x, a));
    if (!f) return undefined;
    f.hits++;
    if (f.times !== undefined && f.hits >= f.times) this.remove(f.id);
    return f;
  }

  /** Watch-drop faults matching a newly opened watch, consuming one of their `times`. */
  takeDrop(a: RequestAttributes): Fault | undefined {
    const f = this.list.find(
      (x) => x.dropWatch === true && x.times !== undefined && faultMatches(x, a),
    );
    if (!f) return undefined;
    f.hits++;
    if (f.times !== undefined && f.hits >= f.times) this.remove(f.id);
    return f;
  }
}
