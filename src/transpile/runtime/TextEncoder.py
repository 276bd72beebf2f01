# requires: Uint8Array, typed_new
class TextEncoder:
    # TextEncoder: strings to UTF-8 bytes in a Uint8Array.
    encoding = "utf-8"

    def encode(self, text=""):
        return typed_new(Uint8Array, text.encode())
