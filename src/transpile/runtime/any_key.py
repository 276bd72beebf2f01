# `o[k] = v` on a value typed any: an array's index stays a number (an integral float becomes
# the int a list takes), any other object's key is the number's text, as JavaScript keys
# properties by strings (`a[1] = 2` on a dict stores "1", which `a["1"]` finds).
# requires: js_str
def any_key(o, k):
    if type(k) is str:
        return k
    if isinstance(o, (list, bytearray, memoryview)):
        return int(k) if type(k) is float and k % 1 == 0 else k
    return js_str(k)
