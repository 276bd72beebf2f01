import { describeCases } from "../../harness/cases.js";

// Regular expressions compiled when building and run by re_run: JavaScript's backtracking
// order, captures, lastIndex and the string methods taking a pattern, on Node and MicroPython.
describeCases("regular expressions: test, exec, flags", {
  "test and exec": `const re = /(\\d+)-(\\d+)/; const m = re.exec("a 12-34 b")!; console.log(re.test("x 1-2"), re.test("nope"), m[0], m[1], m[2], m.index, m.input, m.length, re.exec("none"));`,
  "an exec result printed": `console.log(/(a)|b/.exec("b"), /(\\d+)-(\\d+)/.exec("a 12-34 b"));`,
  "named groups": `const m = /(?<year>\\d{4})-(?<month>\\d\\d)/.exec("on 2024-05-17")!; console.log(m.groups!.year, m.groups!["month"], m.groups, m);`,
  "lastIndex with g": `const g = /o/g; console.log(g.test("foo"), g.lastIndex, g.test("foo"), g.lastIndex, g.test("foo"), g.lastIndex); g.lastIndex = 2; console.log(g.exec("foo")!.index);`,
  "sticky y": `const y = /\\d/y; console.log(y.test("1a"), y.lastIndex, y.test("1a"), y.lastIndex); y.lastIndex = 1; console.log(y.exec("a2")![0]);`,
  "source, flags and printing": `const re = /a+\\/b/gi; console.log(re.source, re.flags, re.global, re.ignoreCase, re.multiline, re.dotAll, re.sticky, re, String(re), \`\${/x/m}\`, [/y/s]);`,
  "greedy, lazy and backtracking": `console.log(/a.*b/.exec("xaxbxb")![0], /a.*?b/.exec("xaxbxb")![0], /(a+)(a+)/.exec("aaaa")!.slice(1), /(a+?)(a*)/.exec("aaa")!.slice(1), /x{2,3}?/.exec("xxxx")![0], /x{2,}/.exec("xxxxx")![0]);`,
  "greedy loops give back up to the character that follows": `console.log(/(\\w+)=(\\w*)=/.exec("ab=cd=ef==")![0], /a*ab/.exec("aaab")![0], /(\\d+)(\\d)/.exec("1234")!.slice(1), /\\w+a/.exec("banana")![0], /(x*)x/.exec("xxx")![1], /(?:k\\w+)=/.exec("key=v k=")![0], /\\d{2,3}5/.exec("12345")![0]);`,
  "alternation order": `console.log(/a|ab/.exec("abc")![0], /(?:ab|a)c/.exec("abc")![0], /(cat|category)s?/.exec("categorys")![0]);`,
  "captures reset in each iteration": `console.log(/(?:(a)|b)+/.exec("ab"), /(z)((a+)?(b+)?(c))*/.exec("zaacbbbcac"));`,
  "empty iterations": `console.log(/(a*)*/.exec("b"), /(a*)+/.exec("b"), /(?:a|())*?x/.exec("aax"));`,
  backreferences: `console.log(/(\\w)\\1/.exec("abccd")![0], /<(\\w+)>.*<\\/\\1>/.test("<b>x</b>"), /\\1(a)/.exec("aa")![0], /(?<q>['"]).*?\\k<q>/.exec(\`say "hi" 'x'\`)![0]);`,
  lookahead: `console.log(/\\d+(?=px)/.exec("10em 20px")![0], /\\d+(?!px|\\d)/.exec("10px 20em")![0], /(?=(\\d+))\\d/.exec("123"));`,
  "anchors and m": `console.log(/^b/.test("a\\nb"), /^b/m.test("a\\nb"), /a$/.test("a\\nb"), /a$/m.test("a\\nb"), "x1\\ny2\\nz3".match(/^\\w/gm));`,
  "dot and s": `console.log(/a.c/.test("a\\nc"), /a.c/s.test("a\\nc"), /a.c/.test("a\\u2028c"), /./.exec("\\r")); `,
  "word boundaries": `console.log("cat concat cats".match(/\\bcat\\b/g), /\\Bcat/.exec("concat")!.index, /\\b/.exec("  x")!.index);`,
  "classes and escapes": `console.log("a-1_B c\\t\\u00a0d".match(/[\\w-]+|\\s/g), /[^\\d\\s]+/.exec("12 ab3")![0], /[\\w-.]+/.exec("a.b-c!")![0], /\\x41\\u0042\\cJ?[\\b]?/.exec("AB")![0], /[\\]\\\\]/.test("\\\\"), /a{/.test("a{"), /]/.test("]"));`,
  "i flag": `console.log(/hello/i.test("HeLLo"), /[a-c]+/i.exec("xABcd")![0], /[^a]/i.test("A"), /\\u00e9/i.test("\\u00c9"), /k/i.test("\\u212a"), /s/i.test("\\u017f"), /ß/i.test("SS"), /[\\w]/i.test("\\u017f"));`,
  "new RegExp with known texts": `const SEP = ","; console.log(new RegExp("a+", "g").exec("caat")![0], new RegExp(SEP).source, new RegExp("a/b").source, new RegExp("").source, new RegExp("\\n").source, new RegExp("x", "ygmi").flags);`,
  "an exec loop with g": `const re = /(\\w)(\\d)/g; let m: RegExpExecArray | null; while ((m = re.exec("a1 b2 c3")) !== null) console.log(m[1], m[2], re.lastIndex);`,
  "a match array as an array": `const k = /(\\w)(\\d)/.exec("q7")!; const [, letter, digit] = k; const n = /z(\\d)/.exec("x"); console.log(JSON.stringify(k), k.map((x) => x + "!"), [...k], k.join("-"), letter, digit, \`\${k}\`, n?.[1] ?? "none", n === null, !n);`,
  "instanceof and typeof": `const r = /x/g; const v: unknown = r; console.log(typeof r, r instanceof RegExp, v instanceof RegExp, ({}) instanceof RegExp);`,
  "code points": `console.log(/\\u00e9+/.exec("caf\\u00e9\\u00e9!")![0], "\\u00e9t\\u00e9 ok".replace(/t/, "T"), "a\\u00e9b".split(/\\u00e9/), "日本語".match(/本/)!.index);`,
});

describeCases("regular expressions: string methods", {
  "match with and without g": `console.log("a1b22c333".match(/\\d+/g), "xyz".match(/\\d/g), "a1b22".match(/(\\d)(\\d)?/), "".match(/x*/g), "abc".match(/x*/g));`,
  "match and search with a string": `console.log("a.b".match("."), "a.b".search("\\\\."), "hello".search(/l+/), "hello".search(/z/));`,
  search: `const g = /o/g; g.lastIndex = 3; console.log("foo".search(g), g.lastIndex, "xyz".search(/$/));`,
  "replace with patterns": `console.log("2024-01-05".replace(/(\\d+)-(\\d+)-(\\d+)/, "$3/$2/$1"), "aaa".replace(/a/g, "b$&"), "abc".replace(/b/, "[$\`|$'|$$|$0|$4|$10]"), "abc".replace(/(b)/, "$01$11$2"), "x-y".replace(/(?<l>\\w)-(?<r>\\w)/, "$<r>-$<l>$<none>|$<"), "ab".replace(/b/, "$<x>"));`,
  "replace with a function": `console.log("a1b22".replace(/\\d+/g, (m) => "<" + m + ">"), "k=v".replace(/(\\w)=(\\w)/, (m, k, v, at, s) => [v, k, at, s].join(",")), "ab".replace(/(x)?b/, (...a: unknown[]) => JSON.stringify(a)), "2024".replace(/(?<y>\\d+)/, (...args: any[]) => JSON.stringify(args[args.length - 1])));`,
  "replace with empty matches": `console.log("abc".replace(/x*/g, "-"), "abc".replace(/(?:)/g, "."), "aaa".replace(/a*?/g, "<$&>"), "abc".replaceAll(/b*/g, "_"));`,
  "replace without g uses lastIndex only when sticky": `const y = /a/y; y.lastIndex = 1; console.log("aaa".replace(y, "b"), y.lastIndex, "baa".replace(/a/y, "c"));`,
  "replaceAll needs g": `try { "a".replaceAll(new RegExp("a"), "b"); } catch (e) { console.log(e instanceof TypeError); } console.log("a.a".replaceAll(/\\./g, "!"));`,
  "split by a pattern": `console.log("a, b,c ,d".split(/\\s*,\\s*/), "aXbXc".split(/(X)/), "abc".split(/(?:)/), "".split(/a/), "".split(/a*/), "test".split(/(t)?/), "a1b2c3".split(/\\d/, 2), "a1b".split(/(\\d)/, 2), "ab".split(/a*?/), "abc".split(/$/), "a\\nb".split(/^/m));`,
  "matchAll in for…of": `for (const m of "k1=v1;k2=v2".matchAll(/(\\w+)=(\\w+)/g)) console.log(m[1], m[2], m.index); const re = /a*/g; console.log([..."baab".matchAll(re)].map((m) => m.index + ":" + m[0]), re.lastIndex);`,
  "matchAll without g throws": `try { for (const m of "a".matchAll(new RegExp("a"))) console.log(m); } catch (e) { console.log(e instanceof TypeError); }`,
  "an NMEA sentence": `const line = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47"; const m = /^\\$GP(\\w{3}),(\\d{2})(\\d{2})(\\d{2}),([\\d.]+),([NS]),([\\d.]+),([EW])/.exec(line); console.log(m && m.slice(1)); console.log(line.split(/[,*]/).length, /\\*([0-9A-F]{2})$/.exec(line)![1]);`,
  "a command line": `const cmd = "  set   led  on "; console.log(cmd.trim().split(/\\s+/), /^(\\w+)\\s+(\\w+)(?:\\s+(\\w+))?$/.exec(cmd.trim()));`,
});
