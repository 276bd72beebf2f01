# Closures: counters, adders, a composed pipeline and callbacks kept in a list.
def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter


def make_adder(n):
    return lambda x: x + n


def compose(f, g):
    return lambda x: f(g(x))


counter = make_counter()
pipeline = compose(make_adder(3), compose(make_adder(-1), lambda x: (x * 5) % 1009))
handlers = [make_adder(i) for i in range(10)]
total = 0
for i in range(3000):
    counter()
    total = (total + pipeline(i)) % 1000003
    total = handlers[i % 10](total) % 1000003
print(counter(), total)
