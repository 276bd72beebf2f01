import { describeCases } from "../../harness/cases.js";

describeCases("spread among other arguments", {
  "push with a spread in the middle or at the end": `const a = [0]; const n = a.push(1, 2, ...[3, 4], 5); console.log(n, JSON.stringify(a)); const b: number[] = []; b.push(...a, 9); b.push(8, ...a); console.log(JSON.stringify(b));`,
  "push of the array into itself copies it first": `const a = [1, 2]; a.push(0, ...a, ...a); console.log(JSON.stringify(a));`,
  "arguments are evaluated in order before the push": `const log: string[] = []; function v(x: number) { log.push("v" + x); return x; } function xs() { log.push("xs"); return [7, 8]; } const a: number[] = []; console.log(a.push(v(1), ...xs(), v(2)), JSON.stringify(a), log.join(" "));`,
});
