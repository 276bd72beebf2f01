# A callback declaring fewer parameters than the library passes (`.then(() => …)`): Python
# raises on extra arguments, JavaScript ignores them.
def js_arity(function, count):
    return lambda *args: function(*args[:count])
