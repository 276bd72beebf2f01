# requires: js_inspect
def js_log(*args):
    # console.log: strings print as they are, other values as Node inspects them.
    print(" ".join([js_inspect(a) for a in args]))
