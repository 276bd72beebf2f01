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

    # A JSON null where the type says number or string (data JSON.parse gave) meets + - * as
    # JavaScript's null does: as 0, or as the text "null" next to a string.
    def __add__(self, other):
        return "null" + other if type(other) is str else _null_number(other)

    def __radd__(self, other):
        return other + "null" if type(other) is str else _null_number(other)

    def __sub__(self, other):
        return -_null_number(other)

    def __rsub__(self, other):
        return _null_number(other)

    def __mul__(self, other):
        return 0 * _null_number(other)

    __rmul__ = __mul__

    def __neg__(self):
        return -0.0

    def __pos__(self):
        return 0


null = JsNull()


def _null_number(x):
    # ToNumber of the other operand, which a + with null gives unchanged: undefined is NaN.
    if x is None:
        return float("nan")
    return 0 if x is null else x + 0

