# requires: num_str
def num_log(x):
    # A number as console.log prints it: like String(x), except that -0 shows its sign.
    if x == 0 and type(x) is float and str(x)[0] == "-":
        return "-0"
    return num_str(x)
