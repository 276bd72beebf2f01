// Integer arithmetic in tight loops: a sieve, gcds and a checksum.
const limit = 20000;
const composite: boolean[] = new Array(limit + 1).fill(false);
let primes = 0;
for (let i = 2; i <= limit; i++) {
  if (composite[i]) continue;
  primes++;
  for (let j = i * i; j <= limit; j += i) composite[j] = true;
}
function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = b;
    b = a % b;
    a = t;
  }
  return a;
}
let gcdSum = 0;
for (let i = 1; i < 300; i++) {
  for (let j = 1; j < 30; j++) gcdSum += gcd(i * 7, j * 3);
}
let crc = 0;
for (let i = 0; i < 5000; i++) crc = (crc * 31 + i) % 1000003;
console.log(primes, gcdSum, crc);
