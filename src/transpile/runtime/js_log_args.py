# requires: js_inspect, js_log_format
def js_log_args(values):
    # console.log(...values): each printed as util.inspect does (a string as itself), a first
    # string holding % read as a format, as Node does (js_log_format).
    printed = [js_inspect(v) for v in values]
    if len(values) > 1:
        return js_log_format(values[0], printed[0], values[1:], printed[1:])
    return printed
