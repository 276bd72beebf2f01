import { describeCases } from "../../harness/cases.js";

// A literal `-0` is JavaScript's negative zero, which only a float can be on MicroPython.
describeCases("negative zero literals", {
  "Object.is, equality and division": `console.log(Object.is(0, -0), Object.is(-0, -0), -0 === 0, 1 / -0, 1 / -(0), -0 < 0);`,
  "printed, converted and serialized": `console.log(-0, [-0], { z: -0 }, String(-0), \`\${-0}\`, "" + -0, JSON.stringify(-0), JSON.stringify([-0]), (-0).toString());`,
  "a const holding -0 printed and converted": `const z = -0; const y: number = -0; console.log(z, String(z), \`\${z}\`, z + 1, Object.is(z, 0), 1 / z, y, 1 / y, z ? "t" : "f");`,
  "-0 in arithmetic": `console.log(-0 + 0, -0 - 0, -0 * 2, Math.abs(-0), Math.sign(-0), Object.is(Math.sign(-0), -0), Math.sign(0), Math.sign(-3));`,
  "-0 as an index, slice start and loop start": `const a = [1, 2, 3]; const out: number[] = []; for (let i = -0; i < 2; i++) out.push(i); console.log(a[-0], a.slice(-0), "abc".slice(-0), "abc".charAt(-0), a.indexOf(1, -0), out);`,
  "-0.0 and -0e5 spellings": `console.log(Object.is(-0.0, -0), Object.is(-0e5, -0), Object.is(-0x0, -0));`,
});
