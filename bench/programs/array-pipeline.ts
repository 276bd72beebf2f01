// Sorts, maps, filters and sums readings: the array methods firmware leans on.
let seed = 12345;
const readings: number[] = [];
for (let i = 0; i < 4000; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  readings.push(seed % 10000);
}
const sorted = [...readings].sort((a, b) => a - b);
const scaled = sorted.map((x) => x * 3);
const kept = scaled.filter((x) => x % 2 === 0);
const total = kept.reduce((sum, x) => sum + x, 0);
const top = sorted.slice(-5);
console.log(sorted[0], sorted[sorted.length - 1], kept.length, total, top.join(","));
