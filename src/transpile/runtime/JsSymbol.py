# requires: js_str
class JsSymbol:
    # A symbol: unique by identity (a Python object hashes and compares by identity, so it is
    # a Map key and === as in JavaScript), holding its description. JavaScript turns a symbol
    # into text only when asked by name (String(s), s.toString()); implicitly (`"" + s`, a
    # template, join) it throws, so the toString that js_str calls on an object raises.
    _registry = {}

    def __init__(self, description=None):
        self.description = None if description is None else js_str(description)
        self._js_key = None

    def toString(self):
        raise TypeError("Cannot convert a Symbol value to a string")

    def text(self):
        d = self.description
        return "Symbol(" + ("" if d is None else d) + ")"

    @staticmethod
    def text_of(value):
        # String(x) of a value that may be a symbol.
        return value.text() if type(value) is JsSymbol else js_str(value)

    @staticmethod
    def for_key(key):
        key = js_str(key)
        found = JsSymbol._registry.get(key)
        if found is None:
            found = JsSymbol(key)
            found._js_key = key
            JsSymbol._registry[key] = found
        return found

    @staticmethod
    def key_for(symbol):
        if type(symbol) is not JsSymbol:
            raise TypeError(js_str(symbol) + " is not a symbol")
        return symbol._js_key
