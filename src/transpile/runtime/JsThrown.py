class JsThrown(Exception):
    # A thrown value that is not an Error (`throw "bad"`, `throw { code: 1 }`): Python raises
    # exceptions only, so it travels wrapped and `catch (e)` unwraps it (js_caught).
    def __init__(self, value):
        self.value = value
