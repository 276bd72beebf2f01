import { describeCases } from "../../harness/cases.js";

// An object literal is a JsObject, which keeps its key order in an attribute of its own: a
// property the program names like it must stay an ordinary property.
describeCases("object properties named like the runtime's own bookkeeping", {
  "a _keys property, read, listed, serialized, spread and tested": `const cache = { _keys: ["a", "b"], hits: 2 }; cache._keys.push("c"); const more = { ...cache, extra: true }; console.log(cache._keys, Object.keys(cache), JSON.stringify(cache), Object.keys(more), "_keys" in cache, "hits" in cache);`,
  "a _keys property added later, deleted, and on a record": `const o: { n: number; _keys?: string[] } = { n: 1 }; o._keys = ["x"]; console.log(Object.entries(o), JSON.stringify(o)); delete o._keys; console.log(Object.keys(o), o._keys); const r: Record<string, number> = { _keys: 1 }; r.get = 2; console.log(Object.keys(r), r._keys);`,
  "an object with a getter and a _keys field, and one parsed from JSON": `const box = { _keys: 3, get twice() { return this._keys * 2; } }; console.log(box.twice, Object.keys(box), JSON.stringify(box)); const parsed = JSON.parse('{"_keys":[1],"_js_x":2}'); console.log(parsed._keys, Object.keys(parsed));`,
  "optional properties named with a leading underscore, left out": `interface Opts { _cache?: number[]; _id?: string; name: string } const a: Opts = { name: "a" }; console.log(a._cache, a._id ?? "no id", a._cache?.length, JSON.stringify(a)); a._cache ??= []; a._cache.push(5); console.log(a._cache, Object.keys(a));`,
});
