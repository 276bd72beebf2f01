import { describeCases } from "../../harness/cases.js";

describeCases("tagged templates and String.raw", {
  "strings, raw and values": `function show(strings: TemplateStringsArray, ...values: unknown[]) { return JSON.stringify([strings, strings.raw, values, strings.length, strings[1]]); } const t = 21.5; console.log(show\`temp \${t} C\\n\${"ok"}!\`);`,
  "no substitutions and an empty template": `const parts = (s: TemplateStringsArray) => s.map((x) => "[" + x + "]").join(""); console.log(parts\`\`, parts\`solo\`);`,
  "one strings array per call site": `const keep = (s: TemplateStringsArray, ..._: unknown[]) => s; const seen: TemplateStringsArray[] = []; for (let i = 0; i < 2; i++) seen.push(keep\`n\${i}\`); console.log(seen[0] === seen[1], keep\`n\` === keep\`n\`);`,
  "a method as the tag, arguments in order": `const log: string[] = []; const fmt = { unit: (s: TemplateStringsArray, a: number, b: number) => s.raw.join("#") + a + b }; let n = 0; console.log(fmt.unit\`x\${++n}y\${(log.push("b"), n * 10)}\`, n, log);`,
  "an invalid escape has no cooked text": `const both = (s: TemplateStringsArray) => [s[0] === undefined, s.raw[0]]; console.log(both\`\\unicode\`);`,
  "String.raw keeps backslashes": `const dir = "logs"; console.log(String.raw\`C:\\data\\\${dir}\\n\${1 + 1}\\u00A9\`, String.raw\`\`, String.raw\`\\t\`.length);`,
  "a tag from an object property named with $": `const fmt = { $upper: (s: TemplateStringsArray, v: string) => s[0] + v.toUpperCase() }; console.log(fmt.$upper\`id=\${"ab"}\`);`,
});
