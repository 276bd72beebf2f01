import { describeCases } from "../../harness/cases.js";

// `Object.assign(this, options)`: a constructor taking its fields from an options object.
describeCases("Object.assign onto a class instance", {
  "options copied onto this in a constructor, undefined ones too": `interface Opts { rate: number; name: string; retries?: number } class Conf { rate = 1; name = "x"; retries? = 3; constructor(o: Partial<Opts> = {}) { Object.assign(this, o); } show() { return this.name + "@" + this.rate + "/" + this.retries; } } console.log(new Conf({ rate: 5, retries: undefined }).show(), new Conf().show(), new Conf({ name: "n" }).show());`,
  "a copy made by assigning onto a new instance, with keyword-named fields": `class Range { constructor(public from = 0, public to = 10) {} with(p: Partial<Range>) { return Object.assign(new Range(this.from, this.to), p); } } const r = new Range(1, 2).with({ to: 5 }); const s = r.with({ from: 3 }); console.log(r.from, r.to, s.from, s.to, s instanceof Range, r === s);`,
  "a setter on the class runs, and the instance is returned": `class Led { private level = 0; set brightness(v: number) { this.level = Math.min(100, Math.max(0, v)); } get brightness() { return this.level; } on = false; } const led = new Led(); const same = Object.assign(led, { brightness: 140, on: true }, null, { on: false }); console.log(led.brightness, led.on, same === led);`,
});
