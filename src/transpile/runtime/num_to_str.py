# requires: num_str, null
def num_to_str(x):
    # `n.toString()` of a value typed number: JavaScript throws reading a method of undefined or
    # null (a missing record key, JSON null), where String(n) and "" + n give their names.
    if x is None or x is null:
        raise TypeError("Cannot read properties of " + ("null" if x is null else "undefined") + " (reading 'toString')")
    return num_str(x)
