// Closures: counters, adders, a composed pipeline and callbacks kept in a list.
function makeCounter(): () => number {
  let count = 0;
  return () => {
    count += 1;
    return count;
  };
}
function makeAdder(n: number): (x: number) => number {
  return (x) => x + n;
}
function compose(f: (x: number) => number, g: (x: number) => number): (x: number) => number {
  return (x) => f(g(x));
}
const counter = makeCounter();
const pipeline = compose(
  makeAdder(3),
  compose(makeAdder(-1), (x) => (x * 5) % 1009),
);
const handlers: ((x: number) => number)[] = [];
for (let i = 0; i < 10; i++) handlers.push(makeAdder(i));
let total = 0;
for (let i = 0; i < 3000; i++) {
  counter();
  total = (total + pipeline(i)) % 1000003;
  total = handlers[i % 10]!(total) % 1000003;
}
console.log(counter(), total);
