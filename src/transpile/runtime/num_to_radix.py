# requires: num_str
def num_to_radix(x, radix=10):
    # Number.prototype.toString(radix) for integers (other radixes of fractions are rare).
    if radix == 10 or type(x) is not int and (x != x or x - x != 0 or x != int(x)):
        return num_str(x)
    n = int(x)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while True:
        out = digits[n % radix] + out
        n //= radix
        if not n:
            return sign + out
