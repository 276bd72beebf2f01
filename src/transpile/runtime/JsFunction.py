# requires: py_key
class JsFunction:
    # A function that holds properties (`tally.calls = 0`): MicroPython functions and
    # closures cannot hold attributes, so the function is called through this object.
    def __init__(self, fn):
        self._js_fn = fn

    def __call__(self, *args, **kwargs):
        return self._js_fn(*args, **kwargs)

    def __getattr__(self, name):
        # Only called for absent attributes: a property not assigned yet reads as undefined.
        if name[0] == "_":
            raise AttributeError(name)
        return None

    def __getitem__(self, key):
        return getattr(self, py_key(key), None)

    def __setitem__(self, key, value):
        # Object.assign(f, { … }) and `f[k] = v`: the attribute `f.k` reads.
        setattr(self, py_key(key), value)
