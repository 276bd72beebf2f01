import { describeCases } from "../../harness/cases.js";

describeCases("assigning an array's length", {
  "shrinking removes the elements past it": `const a = [1, 2, 3, 4, 5]; a.length = 3; console.log(a.length, JSON.stringify(a)); a.length = 0; console.log(a.length, JSON.stringify(a));`,
  "growing adds elements that read as undefined": `const a = [1, 2]; a.length = 4; console.log(a.length, a[2] === undefined, a[3], JSON.stringify(a)); a.push(9); console.log(a.length, a[4]);`,
  "the assignment's value is the right-hand side": `const a = [1, 2, 3]; const r = (a.length = 1); console.log(r, JSON.stringify(a), ([7, 8, 9].length = 2));`,
  "compound assignment and increments": `const a = [1, 2, 3, 4]; const r = (a.length -= 2); console.log(r, JSON.stringify(a)); a.length += 1; console.log(JSON.stringify(a)); a.length--; console.log(JSON.stringify(a)); ++a.length; console.log(a.length);`,
  "in destructuring": `const a = [0, 1, 2]; const b = [5, 6, 7]; [a.length] = [1]; ({ n: b.length } = { n: 2 }); console.log(JSON.stringify(a), JSON.stringify(b)); [[a.length]] = [[0]]; console.log(a.length);`,
  "an invalid length is a RangeError and changes nothing": `const a = [1, 2, 3]; for (const n of [-1, 1.5, NaN, Infinity, 2 ** 32]) { try { a.length = n; console.log("set", n); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); } } console.log(JSON.stringify(a)); a.length = 2.0; a.length = 2 ** 1; console.log(JSON.stringify(a));`,
  "the target is evaluated once": `const rows = [[1, 2, 3], [4, 5, 6]]; let calls = 0; function pick() { calls++; return rows[1]; } pick().length -= 1; console.log(calls, JSON.stringify(rows));`,
});
