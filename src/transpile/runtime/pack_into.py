from struct import pack_into
