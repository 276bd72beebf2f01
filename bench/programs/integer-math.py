# Integer arithmetic in tight loops: a sieve, gcds and a checksum.
limit = 20000
composite = [False] * (limit + 1)
primes = 0
for i in range(2, limit + 1):
    if composite[i]:
        continue
    primes += 1
    for j in range(i * i, limit + 1, i):
        composite[j] = True


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


gcd_sum = 0
for i in range(1, 300):
    for j in range(1, 30):
        gcd_sum += gcd(i * 7, j * 3)
crc = 0
for i in range(5000):
    crc = (crc * 31 + i) % 1000003
print(primes, gcd_sum, crc)
