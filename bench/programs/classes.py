# Class-heavy code: small value objects, inheritance and method calls in a simulation step.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)


class Body:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity

    def step(self):
        self.position = self.position.add(self.velocity)
        if self.position.x < 0 or self.position.x > 1000:
            self.velocity = Vec(-self.velocity.x, self.velocity.y)
        if self.position.y < 0 or self.position.y > 1000:
            self.velocity = Vec(self.velocity.x, -self.velocity.y)


class HeavyBody(Body):
    def step(self):
        super().step()
        self.velocity = self.velocity.scaled(1)


bodies = []
for i in range(100):
    position = Vec(i * 10, (i * 37) % 1000)
    velocity = Vec((i % 7) - 3, (i % 5) - 2)
    bodies.append(HeavyBody(position, velocity) if i % 4 == 0 else Body(position, velocity))
for t in range(60):
    for body in bodies:
        body.step()
sx = 0
sy = 0
for body in bodies:
    sx += body.position.x
    sy += body.position.y
print(sx, sy)
