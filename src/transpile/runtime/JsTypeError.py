# `new TypeError(m)`: an instance of a subclass of Python's TypeError, so that the program may assign
# its message or name (`e.message = …`), which MicroPython's own exception objects refuse.
# Made by type() to keep the name TypeError: tracebacks, error_name and js_str read it as before.
JsTypeError = type("TypeError", (TypeError,), {})
