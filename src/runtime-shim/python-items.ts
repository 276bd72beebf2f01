/**
 * Python's `obj[i]` for the facade's classes that MicroPython indexes (`np[0] = (255, 0, 0)` on a
 * NeoPixel): the class declares a number index signature, the transpiler keeps `obj[i]` in
 * Python, where it calls `__getitem__`/`__setitem__`, and on Node the instance is wrapped so that
 * `obj[i]` calls the same two methods.
 */
export interface PythonItems<T> {
  __getitem__(index: number): T;
  __setitem__(index: number, value: T): void;
}

const integerKey = /^-?\d+$/;

/** `target` with `target[i]` and `target[i] = v` going to its `__getitem__` and `__setitem__`. */
export function withPythonItems<T, Target extends PythonItems<T>>(target: Target): Target {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "string" && integerKey.test(key)) return object.__getitem__(Number(key));
      return Reflect.get(object, key, receiver) as unknown;
    },
    set(object, key, value, receiver) {
      if (typeof key === "string" && integerKey.test(key)) {
        object.__setitem__(Number(key), value as T);
        return true;
      }
      return Reflect.set(object, key, value, receiver);
    },
  });
}
