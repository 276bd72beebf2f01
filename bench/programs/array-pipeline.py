# Sorts, maps, filters and sums readings: the array methods firmware leans on.
seed = 12345
readings = []
for i in range(4000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    readings.append(seed % 10000)
sorted_readings = sorted(readings)
scaled = [x * 3 for x in sorted_readings]
kept = [x for x in scaled if x % 2 == 0]
total = sum(kept)
top = sorted_readings[-5:]
print(sorted_readings[0], sorted_readings[-1], len(kept), total, ",".join(str(x) for x in top))
