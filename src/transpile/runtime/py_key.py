# The attribute a JavaScript property name is stored under: the spellings js_key.py describes.
# requires: js_key
def py_key(key):
    if type(key) is int:
        # A number key of a value typed any (`o[1] = v`): JavaScript's key is its text.
        return str(key)
    if "$" in key:
        key = key.replace("$", "_dollar_")
    return key + "_" if (key.rstrip("_") in _keywords and key[:1] != "_") or _dunder(key) else key
