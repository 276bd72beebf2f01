def str_index_of(s, search, start=0):
    # indexOf clamps a negative start to 0 (find counts it from the end).
    return s.find(search, max(int(start), 0))
