# `function*`: calling it gives a JsGenerator, whose Python generator runs the body.
# requires: JsGenerator
def js_generator(function):
    def start(*args):
        return JsGenerator(function(*args))

    return start
