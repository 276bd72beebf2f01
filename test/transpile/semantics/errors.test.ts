import { describeCases } from "../../harness/cases.js";

describeCases("errors", {
  "throw and catch message": `try { throw new Error("boom"); } catch (e) { console.log((e as Error).message); }`,
  "error name": `try { throw new Error("x"); } catch (e) { console.log((e as Error).name); }`,
  "custom error subclass": `class MyError extends Error { constructor(message: string) { super(message); this.name = "MyError"; } } try { throw new MyError("bad"); } catch (e) { if (e instanceof MyError) console.log(e.name, e.message); }`,
  "custom error with extra field": `class HttpError extends Error { constructor(public status: number, message: string) { super(message); this.name = "HttpError"; } } try { throw new HttpError(404, "missing"); } catch (e) { const h = e as HttpError; console.log(h.status, h.message, h.name); }`,
  "instanceof Error for subclass": `class E1 extends Error {} const e = new E1("m"); console.log(e instanceof E1, e instanceof Error);`,
  "error toString in template": `class MyError extends Error { constructor(m: string) { super(m); this.name = "MyError"; } } const e = new MyError("oops"); console.log(\`\${e}\`, String(new Error("plain")));`,
  "error without message": `const e = new Error(); console.log(e.message === "", String(e));`,
  "catch distinguishes types": `class A extends Error {} class B extends Error {} function f(n: number) { try { if (n === 1) throw new A("a"); if (n === 2) throw new B("b"); return "none"; } catch (e) { if (e instanceof A) return "A"; if (e instanceof B) return "B"; return "?"; } } console.log(f(0), f(1), f(2));`,
  rethrow: `function inner() { throw new Error("deep"); } function outer() { try { inner(); } catch (e) { throw e; } } try { outer(); } catch (e) { console.log("caught", (e as Error).message); }`,
  "nested try": `try { try { throw new Error("in"); } finally { console.log("inner finally"); } } catch (e) { console.log("outer", (e as Error).message); }`,
  "throw in catch runs finally": `function f() { try { throw new Error("1"); } catch (e) { throw new Error("2"); } finally { console.log("fin"); } } try { f(); } catch (e) { console.log((e as Error).message); }`,
  "catch without binding": `try { throw new Error("x"); } catch { console.log("no binding"); }`,
  "error message property updates": `class AppError extends Error {} const e = new AppError("a"); e.message = "b"; console.log(e.message);`,
  "the options argument (cause) of an Error and of super in a subclass": `class AppError extends Error { constructor(message: string, options?: { cause?: unknown }) { super(message, options); this.name = "AppError"; } } class Sub extends AppError { constructor(m: string) { super(m, { cause: 3 }); } } const a = new AppError("boom", { cause: 1 }); console.log(a.message, String(a), new Sub("s").message, \`\${new Sub("t")}\`); console.log(new Error("x", { cause: 2 }).message, String(Error("plain", {})), new AggregateError([1], "all", { cause: 0 }).message);`,
  "error options with effects are evaluated in order": `let n = 0; const mk = () => { n++; return { cause: n }; }; const t = new TypeError("t", mk()); const r = new RangeError(\`r\${n}\`, { cause: mk() }); console.log(t.message, r.message, n);`,
  TypeError: `try { throw new TypeError("wrong type"); } catch (e) { console.log(e instanceof TypeError, (e as Error).message); }`,
  RangeError: `try { throw new RangeError("too big"); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); }`,
  "ReferenceError, URIError and EvalError, with and without new": `const errors = [new ReferenceError("r"), ReferenceError(), new URIError(), URIError("u"), new EvalError("e")]; for (const e of errors) console.log(e.name, JSON.stringify(e.message), String(e), e instanceof Error);
try { throw new ReferenceError("missing"); } catch (e) { console.log(e instanceof ReferenceError, e instanceof URIError, e instanceof TypeError, (e as Error).message); }`,
  "error subclass hierarchy": `class Base extends Error { constructor(m: string) { super(m); this.name = "Base"; } } class Leaf extends Base { constructor(m: string) { super(m); this.name = "Leaf"; } } const l = new Leaf("x"); console.log(l instanceof Base, l instanceof Leaf, l.name);`,
  "finally with return value in loop": `function f() { for (let i = 0; i < 3; i++) { try { if (i === 1) return i; } finally { console.log("f" + i); } } return -1; } console.log(f());`,
  "error message in string concat": `try { throw new Error("E1"); } catch (e) { console.log("failed: " + (e as Error).message); }`,
  "error thrown from callback": `try { [1, 2, 3].forEach((x) => { if (x === 2) throw new Error("at " + x); }); } catch (e) { console.log((e as Error).message); }`,
  "return from catch": `function f() { try { throw new Error("x"); } catch (e) { return "from catch"; } } console.log(f());`,
  "an Error subclass's methods read this.message and this.name": `class AppError extends Error { constructor(message: string, public readonly code: number) { super(message); this.name = "AppError"; } override toString(): string { return \`[\${this.code}] \${this.name}: \${this.message}\`; } shout(): string { return this.message.toUpperCase() + "!"; } } class NotFound extends AppError { constructor(w: string) { super(\`\${w} not found\`, 404); } hint() { return \`\${this.name}/\${this.message.length}\`; } } const e = new NotFound("x"); console.log(String(e), e.toString(), e.shout(), e.hint()); const msg = <T extends Error>(x: T) => x.name + ":" + x.message; console.log(msg(e), msg(new RangeError("r")));`,
});
