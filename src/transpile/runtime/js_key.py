# A property named like a Python keyword is the attribute with one more trailing underscore
# (`from` → `from_`, `from_` → `from__`) so that `o.from` can be written; Object.keys,
# JSON.stringify and console.log show the JavaScript name again. `$`, a letter in JavaScript
# names only, is spelt `_dollar_`. Names of the `__x__` form (`__init__`) are Python's own, so
# they get a trailing underscore too (`__init___`).
_keywords = ("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield")


def js_key(attribute):
    if "_dollar_" in attribute:
        attribute = attribute.replace("_dollar_", "$")
    if attribute[-1:] == "_" and (attribute.rstrip("_") in _keywords or _dunder(attribute[:-1])):
        return attribute[:-1]
    return attribute


def _dunder(name):
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__"
