# The first `count` items of an iterable, as array destructuring reads them from a generator
# or an iterator: only those are pulled, so an endless generator is fine.
def iter_take(iterable, count):
    items = []
    iterator = iter(iterable)
    while len(items) < count:
        try:
            items.append(next(iterator))
        except StopIteration:
            break
    return items
