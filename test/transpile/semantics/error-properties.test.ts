import { describeCases } from "../../harness/cases.js";

// An error the program makes takes new properties: its message and name can be assigned,
// appended to and filled in, as JavaScript's can.
describeCases("assigning an error's message and name", {
  "a plain Error": `const e = new Error("boom"); e.message = "changed"; const plain = new Error(); plain.message = "later"; console.log(e.message, String(e), e.name, plain.message, \`\${plain}\`, Object.keys(e), JSON.stringify(e));`,
  "annotating a caught error": `function annotate(err: Error, ctx: string): Error { err.message = ctx + ": " + err.message; return err; } try { throw new TypeError("bad"); } catch (x) { const a = annotate(x as Error, "ctx"); console.log(a.message, String(a), a instanceof TypeError, a instanceof Error); } function wrap(err: unknown): Error { const w = err instanceof Error ? err : new Error(String(err)); w.message = "[wrapped] " + w.message; return w; } try { throw new Error("inner"); } catch (err) { console.log(wrap(err).message); }`,
  "compound and logical assignments": `const r = new RangeError("r"); r.message += "!"; r.name = "Custom"; const f = Error("plain"); f.name = "Named"; f.message ||= "dflt"; const g = new TypeError(""); g.message ||= "filled"; g.message += "!"; console.log(r.message, r.name, String(r), r instanceof RangeError, String(f), f.message, f instanceof Error, g.message, \`\${g}\`);`,
  "SyntaxError, subclasses and rethrowing": `try { throw new SyntaxError("s"); } catch (err) { const s = err as SyntaxError; s.message = "t"; console.log(s.message, String(s), s instanceof SyntaxError); } class E2 extends Error { constructor(m: string) { super(m); this.name = "E2"; } } const e2 = new E2("q"); e2.message = "r"; const e = new Error("x"); try { throw e; } catch (y) { (y as Error).message = "y"; console.log(String(e2), e2 instanceof E2, y === e, e.message); }`,
});
