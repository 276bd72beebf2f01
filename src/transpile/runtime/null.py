class JsNull:
    # JavaScript's null. undefined is None (what a Python function returning nothing gives);
    # null is this one object, so a program can tell them apart. It is falsy, prints and
    # serializes as "null" (also through Python's own print, str and json), and hashes by
    # identity, so it is a Map key or Set value of its own.
    def __bool__(self):
        return False

    def __repr__(self):
        return "null"

    __str__ = __repr__


null = JsNull()
