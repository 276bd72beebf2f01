import { describeCases } from "../../harness/cases.js";

// A class method that reads no `this`, read off its object as a value, is the class's one
// function in JavaScript: equal across reads and instances, found by includes and Map/Set.
describeCases("class methods read as values", {
  "=== and !== across reads, instances and subclasses": `class C { m() { return 1; } } class D extends C {} class E extends C { m() { return 2; } } const c = new C(), c2 = new C(), d = new D(), e = new E(); console.log(c.m === c.m, c.m !== c.m, c.m === c2.m, c.m === d.m, c.m === e.m, Object.is(c.m, c2.m));`,
  "held, called and passed as a callback": `class C { m() { return 1; } twice(x: number) { return x * 2; } } const c = new C(); const f = c.m; console.log(f === c.m, f(), [1, 2].map(c.twice), typeof c.m);`,
  "includes, indexOf, Map keys and Set values": `class C { m() { return 1; } } class E extends C { m() { return 2; } } const c = new C(), c2 = new C(), e = new E(); const s = new Set([c.m, c2.m]); const mp = new Map<() => number, string>([[c.m, "x"]]); const arr = [c.m]; console.log(s.size, s.has(e.m), arr.includes(c2.m), arr.indexOf(c2.m), arr.indexOf(e.m), mp.get(c2.m), mp.get(e.m));`,
  "printed and compared in a switch": `class C { m() { return 1; } } const c = new C(); const f = c.m; console.log(c.m, [c.m]); switch (f) { case new C().m: console.log("case hit"); break; default: console.log("no"); }`,
  "a handler list that removes by identity": `class Led { on() { return "on"; } off() { return "off"; } } const led = new Led(); const handlers = [led.on, led.off, led.on]; handlers.splice(handlers.indexOf(new Led().off), 1); console.log(handlers.length, handlers.map((h) => h()), handlers.lastIndexOf(led.on));`,
});
