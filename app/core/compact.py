"""Compact containers for lists of hundreds of thousands of names (a 200,000-channel playlist):
``StrIntTable`` maps a string to a small int through its 64-bit hash (about 16 bytes a key
instead of ~150 for a dict of strings), ``StrList`` keeps strings in one UTF-8 blob.

Hashes are Python's own: salted per process, so a table is used in the process that built it.
Two different strings with the same 64-bit hash would share an entry; with a million keys the
chance is about one in 10^7.
"""

from __future__ import annotations

from array import array

_EMPTY = 0
_MASK = (1 << 63) - 1


def _hash(key: str) -> int:
    h = hash(key) & _MASK
    return h or 1  # 0 marks an empty bucket


class StrIntTable:
    """str -> int (32-bit) by open addressing over two arrays; never shrinks."""

    __slots__ = ("_keys", "_mask", "_size", "_values")

    def __init__(self, capacity: int = 1024) -> None:
        cap = 1024
        while cap * 4 < capacity * 5:
            cap *= 2
        self._keys = array("q", bytes(8 * cap))
        self._values = array("i", bytes(4 * cap))
        self._mask = cap - 1
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def _find(self, h: int) -> int:
        """The bucket of ``h``, or the empty bucket where it would go."""
        keys, mask = self._keys, self._mask
        i = h & mask
        while True:
            k = keys[i]
            if k in (h, _EMPTY):
                return i
            i = (i + 1) & mask

    def get(self, key: str) -> int | None:
        i = self._find(_hash(key))
        return self._values[i] if self._keys[i] != _EMPTY else None

    def setdefault(self, key: str, value: int) -> int:
        """The value stored for ``key``; ``value`` is stored when there is none."""
        h = _hash(key)
        i = self._find(h)
        if self._keys[i] != _EMPTY:
            return self._values[i]
        self._keys[i] = h
        self._values[i] = value
        self._size += 1
        if self._size * 5 > len(self._keys) * 4:  # above 80 % full: grow
            self._grow()
        return value

    def add(self, key: str, delta: int = 1) -> int:
        """Add ``delta`` to the value for ``key`` (0 when absent); the new value."""
        h = _hash(key)
        i = self._find(h)
        if self._keys[i] != _EMPTY:
            self._values[i] += delta
            return self._values[i]
        self._keys[i] = h
        self._values[i] = delta
        self._size += 1
        if self._size * 5 > len(self._keys) * 4:
            self._grow()
        return delta

    def _grow(self) -> None:
        old_keys, old_values = self._keys, self._values
        cap = len(old_keys) * 2
        self._keys = array("q", bytes(8 * cap))
        self._values = array("i", bytes(4 * cap))
        self._mask = cap - 1
        keys, values, mask = self._keys, self._values, self._mask
        for j, h in enumerate(old_keys):
            if h != _EMPTY:
                i = h & mask
                while keys[i] != _EMPTY:
                    i = (i + 1) & mask
                keys[i] = h
                values[i] = old_values[j]


class StrList:
    """Append-only strings in one UTF-8 blob with their offsets (about their bytes + 4 each)."""

    __slots__ = ("_blob", "_ends")

    def __init__(self) -> None:
        self._blob = bytearray()
        self._ends = array("I")

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, text: str) -> int:
        """Store ``text``; its index."""
        self._blob += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._blob))
        return len(self._ends) - 1

    def __getitem__(self, index: int) -> str:
        start = self._ends[index - 1] if index > 0 else 0
        return self._blob[start : self._ends[index]].decode("utf-8", "surrogatepass")
