// Nullable values: a list linked through `next: Item | null`, an optional field, `=== null`,
// `!== undefined`, `?.` and `??` in the loop (null is an object of its own, undefined is None).
class Item {
  constructor(
    readonly value: number,
    readonly next: Item | null,
    readonly tag?: string,
  ) {}
}
let head: Item | null = null;
for (let i = 0; i < 300; i++) head = new Item(i, head, i % 3 === 0 ? "t" : undefined);
let total = 0;
let tagged = 0;
let ends = 0;
for (let round = 0; round < 40; round++) {
  for (let item = head; item !== null; item = item.next) {
    total = (total + item.value) % 1000003;
    if (item.tag !== undefined) tagged++;
    total = (total + (item.next?.value ?? 7)) % 1000003;
    if (item.next === null) ends++;
  }
}
console.log(total, tagged, ends);
