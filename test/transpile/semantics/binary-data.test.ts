import { describeCases } from "../../harness/cases.js";

describeCases("Uint8Array", {
  "construct from length, array, typed array, iterable": `console.log(new Uint8Array(new Uint8Array([4, 5])), new Uint8Array(3), new Uint8Array([1, 2, 300]), new Uint8Array(new Int16Array([-1, 256])), new Uint8Array(new Set([5, 6])), new Uint8Array(0));`,
  "construct over an ArrayBuffer with offset and length": `const buf = new ArrayBuffer(8); const a = new Uint8Array(buf, 2, 4); const b = new Uint8Array(buf); a[0] = 7; console.log(b, a.byteOffset, a.length, a.buffer === buf, buf.byteLength);`,
  "from with a mapper, of": `console.log(Uint8Array.from([1, 2, 3]), Uint8Array.from([1, 2], (v, i) => v * 200 + i), Uint8Array.of(1, 256, -1));`,
  "store wraps around": `const a = new Uint8Array(6); a[0] = 300; a[1] = -1; a[2] = 1.9; a[3] = -1.5; a[4] = 256 * 3 + 4; a[5] = 255; a[5]++; console.log(a);`,
  "compound stores wrap": `const a = new Uint8Array([250, 5, 9]); a[0] += 10; a[1] -= 6; a[2] *= 100; console.log(a); a[2] /= 2; console.log(a);`,
  "length, byteLength, byteOffset, BYTES_PER_ELEMENT": `const a = new Uint8Array(5); console.log(a.length, a.byteLength, a.byteOffset, a.BYTES_PER_ELEMENT, Uint8Array.BYTES_PER_ELEMENT);`,
  "subarray shares memory": `const a = new Uint8Array([1, 2, 3, 4, 5]); const s = a.subarray(1, 4); s[0] = 20; a[3] = 40; console.log(a, s, s.byteOffset, s.buffer === a.buffer, a.subarray(-2), a.subarray(3, 1).length);`,
  "slice copies": `const a = new Uint8Array([1, 2, 3, 4]); const c = a.slice(1, 3); c[0] = 99; console.log(a, c, a.slice(-1), a.slice());`,
  "set from array and typed array": `const a = new Uint8Array(6); a.set([1, 2, 300]); a.set(new Uint8Array([7, 8]), 4); console.log(a); try { a.set([1, 2], 5); } catch (e) { console.log("range"); }`,
  "fill of a typed array made in place": `const n = 3; console.log(new Uint8Array(4).fill(7), new Int16Array(n).fill(-2, 1), new Float32Array([1, 2, 3]).fill(0.5, 1), new Uint8Array(2).fill(300).length);`,
  "fill with ranges": `const a = new Uint8Array(6); a.fill(1); a.fill(2, 2); a.fill(3, 1, 2); a.fill(300, -1); console.log(a);`,
  search: `const a = new Uint8Array([1, 2, 3, 2, 1]); console.log(a.indexOf(2), a.lastIndexOf(2), a.indexOf(9), a.includes(3), a.includes(7), a.indexOf(2, 2), a.at(-1), a.at(9) === undefined);`,
  "find, findIndex, every, some": `const a = new Uint8Array([1, 5, 10]); console.log(a.find((v) => v > 3), a.findIndex((v) => v > 3), a.find((v) => v > 30) === undefined, a.findIndex((v) => v > 30), a.every((v) => v > 0), a.some((v, i) => i > 1 && v > 5));`,
  "forEach and reduce": `const a = new Uint8Array([3, 4]); a.forEach((v, i) => console.log(i, v)); console.log(a.reduce((s, v) => s + v), a.reduce((s, v, i) => s + v * i, 100));`,
  "map wraps to the element type, filter keeps it": `const a = new Uint8Array([100, 200]); const m = a.map((v) => v * 2); console.log(m, m instanceof Uint8Array, a.filter((v) => v > 150));`,
  "join, toString, reverse": `const a = new Uint8Array([1, 2, 3]); console.log(a.join("-"), a.join(), String(a.reverse()), a);`,
  "sort is numeric": `const a = new Uint8Array([10, 9, 100, 1]); a.sort(); console.log(a); a.sort((x, y) => y - x); console.log(a);`,
  "entries, keys, values": `const a = new Uint8Array([3, 1, 2]); console.log([...a.entries()], [...a.keys()], [...a.values()]); for (const [i, v] of a.entries()) console.log(i, v); let s = 0; for (const v of new Int16Array([-1, 5]).values()) s += v; console.log(s);`,
  reduceRight: `const a = new Uint8Array([1, 2, 3]); console.log(a.reduceRight((s, v) => s + "" + v, ""), a.reduceRight((s, v) => s * 10 + v), a.reduceRight((s, v, i) => s + v * i, 0)); try { new Uint8Array(0).reduceRight((s, v) => s + v); } catch (e) { console.log(e instanceof TypeError); }`,
  copyWithin: `console.log(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3), new Uint8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3), new Uint8Array([1, 2, 3, 4, 5]).copyWithin(-2, 0), new Int16Array([1, -2, 3]).copyWithin(0, 1, 9), new Uint8Array([1, 2, 3]).copyWithin(5, 0));`,
  iteration: `const a = new Uint8Array([7, 8]); for (const b of a) console.log(b); console.log([...a], Array.from(a), Array.from(a, (v) => v + 1));`,
  instanceof: `const a: unknown = new Uint8Array(1); console.log(a instanceof Uint8Array, [1] instanceof Uint8Array);`,
  printing: `console.log(new Uint8Array(0), new Uint8Array(10), [new Uint8Array(2)]);`,
  "printing an ArrayBuffer": `console.log(new Uint8Array([1, 255]).buffer, new ArrayBuffer(0), new ArrayBuffer(51), new ArrayBuffer(60));`,
  "held in any": `const a: any = new Uint8Array([1, 2, 3]); console.log(a.length, a[1], a.map((v: number) => v * 100), a.subarray(1).length);`,
  "CRC-16 with masks and shifts": `function crc16(buf: Uint8Array): number { let crc = 0xffff; for (const byte of buf) { crc = crc ^ (byte << 8); for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff; } return crc; } console.log(crc16(new TextEncoder().encode("123456789")));`,
  "masked expressions keep JavaScript's low bits": `const a = 0x7fffffff; const b = -5; console.log(((a << 3) ^ b) & 0xffff, ((a * 3 + b) | 1) & 0xff, ((b << 31) - 1) & 0x7fffffff, (a << 40) & 0xffff);`,
  "shifts of small elements": `const b = new Uint8Array([255]); const i8 = new Int8Array([-128]); const u16 = new Uint16Array([65535]); console.log(b[0]! << 23, b[0]! << 24, i8[0]! << 23, i8[0]! << 24, new Int16Array([-1])[0]! >> 1, u16[0]! << 15, u16[0]! << 16, b[0]! >> 9);`,
  "for of over typed arrays": `let s = 0; for (const v of new Int16Array([-1, 300])) s += v; for (const v of new Float32Array([0.5])) s += v; console.log(s);`,
  "element arithmetic stays integral": `const a = new Uint8Array([200, 100]); const s = a[0] + a[1]; console.log(s, a[0] / 8, a[0] >> 3, \`\${a[1]}\`);`,
});

// Uint8Arrays and DataViews whose every use tsmp sees become a bytearray and struct calls
// (plain-binary.ts); these cases keep them exactly JavaScript's.
describeCases("plain bytes", {
  "indexed stores wrap": `const a = new Uint8Array(6); a[0] = 300; a[1] = -1; a[2] = 1.9; a[3] = -1.5; a[4] = 2 ** 40 + 5; a[5] = 255; a[5]++; console.log(a[0], a[1], a[2], a[3], a[4], a[5], a.length);`,
  "stores of a number held in a name convert it": `function put(a: Uint8Array, i: number, v: number) { a[i] = v; } const a = new Uint8Array(6); const vs = [300, -1.5, 1.9, NaN, Infinity, -Infinity]; for (let i = 0; i < vs.length; i++) put(a, i, vs[i]!); const w = new Int16Array(2); let x = 40000.7; w[0] = x; x = -2.5; w[1] = x; console.log(a[0], a[1], a[2], a[3], a[4], a[5], w[0], w[1]);`,
  "compound stores wrap": `const a = new Uint8Array(3); a[0] = 250; a[0] += 10; a[1] -= 6; a[2] = 9; a[2] *= 100; console.log(a[0], a[1], a[2]); a[2] /= 2; console.log(a[2]);`,
  "compound stores of fractions truncate": `const a = new Uint8Array(5); a[0] = 10; a[0] += 0.5; a[1] -= 1.5; a[2] = 7; a[2] *= 1.5; a[3] = 200; a[3] **= 0.5; a[4] = 7; a[4] %= 2.5; const w = new Int16Array(2); w[0] += 2.7; w[1] -= 40000.5; let x = 0.75; a[0] += x; console.log(a[0], a[1], a[2], a[3], a[4], w[0], w[1]);`,
  "stores through indexes with effects, and fields": `const a = new Uint8Array(4); let i = 0; const v = 1.5; a[i++] = v; a[i++] = v * 200; class B { private d = new Uint8Array(2); private at = 1; put(x: number) { this.d[this.at - 1] = x; this.d[this.at] = x; return this.d[0]! + this.d[1]!; } } console.log(a[0], a[1], i, new B().put(-0.5), new B().put(258.9), new B().put(NaN));`,
  "loops to a typed array's length": `const a = new Uint8Array(3); let n = 0; for (let i = 0; i < a.length; i++) { a[i] = i; n++; } function f(d: Uint8Array) { let m = 0; for (let i = 0; i < d.length; i++) { if (i === 0) [d] = [new Uint8Array(5)]; m++; } return m; } let b = new Uint8Array(2); let k = 0; for (let i = 0; i < b.length; i++) { if (i === 0) b = new Uint8Array(4); k++; } console.log(n, f(a), k);`,
  "a literal list wraps": `const a = new Uint8Array([1, 300, -1, 0]); let s = ""; for (const b of a) s += b + ","; console.log(s, a.length);`,
  "handed to a function that indexes it": `function sum(bytes: Uint8Array, n: number): number { let s = 0; for (let i = 0; i < n; i++) s += bytes[i]!; return s; } const a = new Uint8Array(4); for (let i = 0; i < a.length; i++) a[i] = i * 100; console.log(sum(a, a.length), sum(new Uint8Array([1, 2]), 2));`,
  "a private field": `class Ring { private readonly data = new Uint8Array(4); private head = 0; put(v: number) { this.data[this.head] = v; this.head = (this.head + 1) & 3; } sum() { let s = 0; for (const b of this.data) s += b; return s; } } const r = new Ring(); for (let i = 0; i < 6; i++) r.put(i * 60.5); console.log(r.sum());`,
  "one use that needs the class keeps it": `const a = new Uint8Array(3); a[0] = 7; const b = new Uint8Array(2); b[1] = 9; console.log(a, a[0], b.subarray(1)[0]);`,
  "a DataView over the bytes, both orders": `const bytes = new Uint8Array(8); for (let i = 0; i < bytes.length; i++) bytes[i] = i * 37 + 200; const dv = new DataView(bytes.buffer); console.log(dv.getUint16(0), dv.getUint16(0, true), dv.getInt16(2), dv.getInt16(2, true), dv.getUint32(4), dv.getInt32(4, true), dv.getInt8(1), dv.getUint8(1));`,
  "DataView setters wrap and share the bytes": `const bytes = new Uint8Array(8); const dv = new DataView(bytes.buffer); dv.setUint8(0, 300); dv.setInt8(1, -2); dv.setUint16(2, -1, true); dv.setInt32(4, -5); let s = ""; for (const b of bytes) s += b + " "; console.log(s, dv.getInt32(4), dv.getUint32(4, false));`,
  "DataView floats": `const dv = new DataView(new ArrayBuffer(12)); dv.setFloat32(0, 1.5); dv.setFloat64(4, -0.1, true); dv.setFloat32(0, 3); console.log(dv.getFloat32(0), dv.getFloat64(4, true));`,
  "DataView out of bounds throws a RangeError": `const dv = new DataView(new ArrayBuffer(4)); try { dv.getUint32(2); } catch (e) { console.log(e instanceof RangeError); } try { dv.setUint16(3, 1); } catch (e) { console.log(e instanceof RangeError); }`,
  "DataView reads are integers": `const dv = new DataView(new Uint8Array([1, 2, 3, 4]).buffer); let s = 0; for (let i = 0; i < 3; i++) s += dv.getUint16(i) / 2; console.log(s, dv.getUint8(0) / 4, \`\${dv.getInt16(1)}\`);`,
});

describeCases("integers without wraps", {
  "CRC-16 keeps 16 bits": `let crc = 0xffff; const data = new Uint8Array([49, 50, 51, 52, 53, 54, 55, 56, 57]); for (const byte of data) { crc = crc ^ (byte << 8); for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff; } console.log(crc);`,
  "widths that reach the sign bit still wrap": `let x = 0x7fffffff; const b = new Uint8Array([255]); x = x ^ (b[0]! << 24); let y = 0x40000000; y = y | (y << 1); console.log(x, y, (b[0]! << 23) | 0x7fffffff, b[0]! << 24);`,
  "a variable widened by its writes": `let v = 1; for (let i = 0; i < 20; i++) v = (v << 1) ^ (v & 0xff); let w = 3; w = w | 0x10000; console.log(v, w, w ^ 0xffff, v >> 3, v >>> 1);`,
  "functions returning integers": `function sq(n: number): number { return n * n; } function half(n: number): number { return n / 2; } function count(s: string) { return s.length; } console.log(sq(3), half(3), count("abc"), sq(2) / 4, half(4) / 3);`,
  "private integer fields": `class C { private n = 1; private m = 3; private f = 1; step() { this.n = (this.n + 1) & 7; this.m += 2; this.f /= 2; return [this.n, this.m, this.f]; } } const c = new C(); c.step(); console.log(c.step());`,
  "final methods and getters returning integers": `class Counter { private n = 0; get count(): number { return this.n; } next(): number { this.n += 1; return this.n; } half(): number { return this.n / 2; } } const c = new Counter(); c.next(); c.next(); console.log(c.count, c.next(), c.half(), c.count / 2, c.next() % 2, c.half() * 3);`,
  "a subclass may override a method": `class A { v(): number { return 1; } } class B extends A { override v(): number { return 1.5; } } const xs: A[] = [new A(), new B()]; let s = 0; for (const x of xs) s += x.v(); console.log(s, s % 2);`,
  "toString radix of integers": `const n = 255; const m = -255; console.log(n.toString(16), m.toString(16), n.toString(2), m.toString(8), n.toString(10), (2 ** 40).toString(16), (0.5).toString(16), (1.5 * 2).toString(16));`,
  "zero padding hex": `for (const n of [0, 255, 4080, 65535]) console.log(n.toString(16).padStart(8, "0")); const m = -5; console.log(m.toString(16).padStart(4, "0"), (300).toString(16).padStart(2, "0"), (7).toString(2).padStart(5, "0"));`,
});

describeCases("other typed arrays", {
  "wrap rules": `console.log(new Int8Array([127, 128, -129, 1.9]), new Uint16Array([65536, -1, 70000]), new Int16Array([32768, -32769]), new Uint32Array([-1, 4294967296 + 5]), new Int32Array([2147483648, -1]));`,
  "floats round to their width": `console.log(new Float32Array([1.1, 0.5, 16777217]), new Float64Array([1.1, 1e300]));`,
  "store conversions": `const a = new Int16Array(2); a[0] = 40000.7; a[1] = -2.5; const f = new Float32Array(1); f[0] = 0.1; console.log(a, f[0]);`,
  BYTES_PER_ELEMENT: `console.log(Int8Array.BYTES_PER_ELEMENT, Uint16Array.BYTES_PER_ELEMENT, Int32Array.BYTES_PER_ELEMENT, Float32Array.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT, new Uint32Array(3).byteLength);`,
  "methods keep the element type": `const a = new Int16Array([-1, 2, 30000]); console.log(a.map((v) => v * 2), a.filter((v) => v > 0), a.slice(1), a.subarray(1), a.indexOf(2), a.join(";"));`,
  "sort numeric with negatives": `const a = new Int32Array([5, -10, 1, -2]); a.sort(); console.log(a); const f = new Float64Array([0.5, -1.5, 0.25]); f.sort(); console.log(f);`,
  "a float array sorts -0 before 0 and NaN last": `const f = new Float32Array([3.5, NaN, -1, 0, 10, -0, 2.25, NaN, -Infinity, Infinity, 0]); f.sort(); console.log(f, Object.is(f[2], -0), Object.is(f[3], 0)); const d = new Float64Array([0, -0, NaN, 1e-300, -1e300]); console.log(d.sort(), Object.is(d[1], -0));`,
  "subarray of Int16Array shares": `const a = new Int16Array([1, 2, 3]); const s = a.subarray(1); s[0] = -7; console.log(a, s.byteOffset, s.length);`,
  "conversions between types": `console.log(new Uint8Array(new Float32Array([1.5, 300.2, -1])), new Int8Array(new Uint8Array([255, 128])), new Float64Array(new Uint16Array([1, 65535])));`,
});

describeCases("DataView", {
  "both byte orders": `const buf = new ArrayBuffer(8); const dv = new DataView(buf); dv.setUint16(0, 0x1234); dv.setUint16(2, 0x1234, true); dv.setUint32(4, 0xdeadbeef, true); console.log(new Uint8Array(buf), dv.getUint16(0), dv.getUint16(0, true), dv.getUint32(4, true), dv.getUint32(4));`,
  "signed and unsigned": `const dv = new DataView(new ArrayBuffer(8)); dv.setInt8(0, -1); dv.setInt16(1, -2); dv.setInt32(3, -3, true); console.log(dv.getInt8(0), dv.getUint8(0), dv.getInt16(1), dv.getUint16(1), dv.getInt32(3, true), dv.getUint32(3, true));`,
  floats: `const dv = new DataView(new ArrayBuffer(12)); dv.setFloat32(0, 1.5); dv.setFloat64(4, -0.1, true); console.log(dv.getFloat32(0), dv.getFloat64(4, true), dv.getFloat32(0, true) === 1.5);`,
  "wrapping setters": `const dv = new DataView(new ArrayBuffer(4)); dv.setUint8(0, 300); dv.setInt8(1, 200); dv.setUint16(2, -1); console.log(dv.getUint8(0), dv.getInt8(1), dv.getUint16(2));`,
  "over a buffer with offset, sharing a Uint8Array's bytes": `const bytes = new Uint8Array([0, 0, 1, 2, 3, 4]); const dv = new DataView(bytes.buffer, 2, 4); console.log(dv.byteOffset, dv.byteLength, dv.getUint16(0), dv.getUint32(0, true)); dv.setUint8(3, 9); console.log(bytes);`,
  "over a subarray's buffer": `const bytes = new Uint8Array([9, 0x01, 0x02]); const s = bytes.subarray(1); const dv = new DataView(s.buffer, s.byteOffset, s.byteLength); console.log(dv.getUint16(0, true));`,
  "out of bounds throws": `const dv = new DataView(new ArrayBuffer(2)); try { dv.getUint32(0); } catch (e) { console.log(e instanceof RangeError); }`,
  "ArrayBuffer slice": `const buf = new Uint8Array([1, 2, 3, 4]).buffer; const c = buf.slice(1, 3); console.log(c.byteLength, new Uint8Array(c));`,
});

describeCases("TextEncoder and TextDecoder", {
  "UTF-8 round trip": `const e = new TextEncoder().encode("hé€😀"); console.log(e, e.length, new TextDecoder().decode(e));`,
  "decode part of a buffer": `const bytes = new TextEncoder().encode("hello"); console.log(new TextDecoder().decode(bytes.subarray(1, 3)), new TextDecoder("utf-8").decode(new Uint8Array([104, 105])));`,
  encoding: `console.log(new TextEncoder().encoding, new TextDecoder().encoding);`,
  // Noise on a serial line: each ill-formed sequence is one U+FFFD, a leading BOM is dropped.
  "bytes that are not UTF-8": `const d = new TextDecoder();
const cases = [[0x68, 0x69, 0xff, 0x21], [0xef, 0xbb, 0xbf, 0x41], [0xc3], [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80], [0x80, 0xbf, 0x41], [0xf5, 0x41], [0x41, 0xef, 0xbb, 0xbf]];
for (const c of cases) { const s = d.decode(new Uint8Array(c)); console.log(JSON.stringify(s), s.length, [...s].map((ch) => ch.charCodeAt(0).toString(16)).join(" ")); }
const valid = new TextEncoder().encode("नमस्ते 한국어 €"); console.log(d.decode(valid), d.decode(valid) === "नमस्ते 한국어 €");`,
  "typed arrays' own keys are their indexes": `const u8 = new Uint8Array([1, 2]); const i16 = new Int16Array([-1, 300]); const dv = new DataView(new ArrayBuffer(2)); console.log(Object.keys(u8), Object.entries(i16), Object.values(u8), Object.keys(dv)); for (const k in i16) console.log("key", k); console.log({ ...u8 }, Object.assign({}, i16));`,
  "in on typed arrays and arrays": `const u8 = new Uint8Array([1, 2]); console.log("0" in u8, "2" in u8, "01" in u8, "length" in u8, "01" in [1, 2], "1" in [1, 2]);`,
  "of with spread arguments": `const xs = [1, 2]; const payload = new Uint8Array([7, 8]); console.log(Uint8Array.of(...xs), Uint8Array.of(0, ...xs, 3), Float32Array.of(...xs, 0.5), Uint8Array.of(0xaa, ...Array.from(payload)));`,
});
