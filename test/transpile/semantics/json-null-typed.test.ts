import { describeCases } from "../../harness/cases.js";

// JSON.parse gives null where the data says null, whatever the interface the program casts it
// to says: a field typed number or string holds JavaScript's null when it runs.
const data = `interface D { v: number; s: string; b: boolean } const d: D = JSON.parse('{"v": null, "s": null, "b": null}'); const v = d.v;`;

describeCases("JSON null typed number or string", {
  "concatenated, in a template, String()": `${data} let acc = "x"; acc += v; console.log("def:" + v, "def:" + d.v, d.v + ":end", \`t:\${v} \${d.v}\`, String(v), String(d.v), acc);`,
  "a string or boolean field": `${data} console.log("s:" + d.s, d.s + "!", \`\${d.s}\`, "b:" + d.b, \`\${d.b}\`, [v, d.s].join("-"));`,
  "+ - * count it as 0": `${data} console.log(v + 1, 1 + v, d.v * 2, 3 * d.v, d.v - 1, 3 - d.v, -d.v, d.v + d.v, "" + (d.v + "x"));`,
  "toString() throws TypeError": `${data} try { console.log(v.toString()); } catch (e) { console.log("threw", e instanceof TypeError); } try { console.log(d.v.toString()); } catch (e) { console.log("threw", e instanceof TypeError); }`,
  "toString() of a missing key or past the end throws, String() does not": `const r: Record<string, number> = { a: 1.5 }; const arr = [1.5, 2]; for (const f of [() => r["zz"].toString(), () => arr[5].toString(), () => r["a"].toString(), () => (0.1 + 0.2).toString(), () => String(r["zz"]) + r["zz"]]) { try { console.log(f()); } catch (e) { console.log("threw", e instanceof TypeError); } }`,
});
