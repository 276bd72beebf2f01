# requires: typed_view
# The program reads the buffer of a typed array other than a Uint8Array, which JavaScript
# shares with every other view of it: from here on such arrays keep their elements in an
# ArrayBuffer, read through struct (typed_view.py), not in an array.array of their own.
TypedArray._shared = True


def typed_buffer(array):
    return array.buffer
