/** One call a program made into a recording fake: `BME280` (constructed), `BME280.read`, `reset`. */
export interface RecordedCall {
  name: string;
  args: unknown[];
}

/**
 * Wraps a stand-in for a Python module so that every call into it is recorded, in order:
 * exported functions, classes constructed, and methods called on what they construct.
 *
 *   const bme = recordingFake({ BME280: class { read() { return 21.5; } } });
 *   await runProgram("src/main.ts", { modules: { "drivers.bme280": bme.module } });
 *   expect(bme.calls).toEqual([{ name: "BME280", args: [1] }, { name: "BME280.read", args: [] }]);
 */
export function recordingFake<T extends object>(implementation: T): { module: T; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const recordMethods = (instance: object, prefix: string): object =>
    new Proxy(instance, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function" || typeof property !== "string" || property === "constructor") return value;
        return (...args: unknown[]) => {
          calls.push({ name: `${prefix}.${property}`, args });
          return Reflect.apply(value, target, args);
        };
      },
    });
  const record = (value: unknown, name: string): unknown => {
    if (typeof value !== "function") return value;
    return new Proxy(value, {
      apply(target, thisArg, args: unknown[]) {
        calls.push({ name, args });
        return Reflect.apply(target, thisArg, args);
      },
      construct(target, args: unknown[]) {
        calls.push({ name, args });
        return recordMethods(Reflect.construct(target, args) as object, name);
      },
    });
  };
  const module = Object.fromEntries(Object.entries(implementation).map(([name, value]) => [name, record(value, name)])) as T;
  return { module, calls };
}
