# requires: RangeError
class TextDecoder:
    # TextDecoder: UTF-8 bytes (any typed array or ArrayBuffer) to a string.
    _js_no_keys = True  # Object.keys and JSON.stringify see no properties (obj_items)
    encoding = "utf-8"

    def __init__(self, label="utf-8"):
        if label.lower() not in ("utf-8", "utf8"):
            raise RangeError("The encoding label provided ('" + label + "') is invalid.")

    def decode(self, data=b""):
        return str(bytes(data), "utf-8")
