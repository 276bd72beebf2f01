# requires: u8_of
def u8_items(values, positions=None):
    # An awaited list (asyncio.gather's results) whose items at these positions, or at all of
    # them, the facade types Uint8Array (or an exception, with return_exceptions): the bytes
    # among them made Uint8Arrays as a single await's value is. A list is changed in place,
    # so a program's own array stays itself; a tuple becomes a list, as a JavaScript array is
    # mutable.
    if type(values) is tuple:
        values = list(values)
    for i in range(len(values)) if positions is None else positions:
        if isinstance(values[i], (bytes, bytearray)):
            values[i] = u8_of(values[i])
    return values
