// Class-heavy code: small value objects, inheritance and method calls in a simulation step.
class Vec {
  constructor(
    public x: number,
    public y: number,
  ) {}
  add(other: Vec): Vec {
    return new Vec(this.x + other.x, this.y + other.y);
  }
  scaled(k: number): Vec {
    return new Vec(this.x * k, this.y * k);
  }
}
class Body {
  constructor(
    public position: Vec,
    public velocity: Vec,
  ) {}
  step(): void {
    this.position = this.position.add(this.velocity);
    if (this.position.x < 0 || this.position.x > 1000) this.velocity = new Vec(-this.velocity.x, this.velocity.y);
    if (this.position.y < 0 || this.position.y > 1000) this.velocity = new Vec(this.velocity.x, -this.velocity.y);
  }
}
class HeavyBody extends Body {
  override step(): void {
    super.step();
    this.velocity = this.velocity.scaled(1);
  }
}
const bodies: Body[] = [];
for (let i = 0; i < 100; i++) {
  const position = new Vec(i * 10, (i * 37) % 1000);
  const velocity = new Vec((i % 7) - 3, (i % 5) - 2);
  bodies.push(i % 4 === 0 ? new HeavyBody(position, velocity) : new Body(position, velocity));
}
for (let t = 0; t < 60; t++) {
  for (const body of bodies) body.step();
}
let sx = 0;
let sy = 0;
for (const body of bodies) {
  sx += body.position.x;
  sy += body.position.y;
}
console.log(sx, sy);
