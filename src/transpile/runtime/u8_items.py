# requires: u8_of
def u8_items(values, shape=None):
    # An awaited list (asyncio.gather's results) whose items the facade types Uint8Array (or
    # an exception, with return_exceptions): the bytes among them made Uint8Arrays as a single
    # await's value is. shape None: every item may be bytes; else a tuple of the positions that
    # may be, and of (position, shape) pairs for items that are such lists themselves (a gather
    # of gathers; position None: every item). A list is changed in place, so a program's own
    # array stays itself; a tuple becomes a list, as a JavaScript array is mutable.
    if type(values) is tuple:
        values = list(values)
    for entry in range(len(values)) if shape is None else shape:
        if type(entry) is int:
            if isinstance(values[entry], (bytes, bytearray)):
                values[entry] = u8_of(values[entry])
            continue
        at, inner = entry
        for i in range(len(values)) if at is None else (at,):
            if isinstance(values[i], (list, tuple)):
                values[i] = u8_items(values[i], inner)
    return values
