# An object literal: properties are attributes, so `point.x` reads the same whether `point`
# came from a literal or a class. MicroPython's attribute table forgets insertion order,
# which Object.keys, JSON.stringify and console.log must keep: `_keys` remembers it.
class JsObject:
    def __init__(self, **properties):
        self._keys = tuple(properties)
        for key in properties:
            setattr(self, key, properties[key])

    def __str__(self):
        return "[object Object]"
