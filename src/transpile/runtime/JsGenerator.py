# A generator object as JavaScript has it around a Python generator: js_next(value) gives
# {value, done} and sends the value in (the first call's value is dropped, as in
# JavaScript), js_return/js_throw end it early. It is a Python iterator too (for…of, spread)
# with send(), so `yield from` passes sent values through and keeps the return value.
# requires: JsObject
class JsGenerator:
    _js_no_keys = True  # Object.keys and JSON.stringify see no properties (obj_items)
    def __init__(self, gen):
        self._gen = gen
        self._started = False
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if self._done:
            raise StopIteration
        try:
            result = self._gen.send(value if self._started else None)
        except BaseException:
            self._done = True
            raise
        self._started = True
        return result

    def js_next(self, value=None):
        try:
            return JsObject("value", self.send(value), "done", False)
        except StopIteration as stop:
            return JsObject("value", stop.value, "done", True)

    def js_return(self, value=None):
        if not self._done:
            self._done = True
            self._gen.close()
        return JsObject("value", value, "done", True)

    def js_throw(self, error):
        if self._done or not self._started:
            self._done = True
            raise error
        try:
            return JsObject("value", self._gen.throw(error), "done", False)
        except StopIteration as stop:
            self._done = True
            return JsObject("value", stop.value, "done", True)
        except BaseException:
            self._done = True
            raise
