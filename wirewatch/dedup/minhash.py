"""Word shingles, vectorised MinHash signatures, LSH band keys and exact set overlap.

Shingles are hashed to uint32 once; the shingle hash set (sorted, unique) is both the MinHash
input and the exact second measure used to verify LSH candidates.

Hashes (arithmetic modulo 2**64, constants drawn from the seed):
- word: `fmix64(sum(c_j * B**j))` over the word's lowercased code points `c_j` (at most
  `MAX_WORD_CHARS`), B a random odd base, fmix64 MurmurHash3's 64-bit finaliser;
- shingle of `size` consecutive words: `sum(m_j * word_(i+j)) >> 32`, m_j random odd.
ASCII text is hashed straight from its bytes (one prefix sum over the text, no Python object
per word or shingle); other text goes through `words` and a code-point matrix, same result.
"""

from __future__ import annotations

import base64
import functools
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

U32Array = npt.NDArray[np.uint32]
U64Array = npt.NDArray[np.uint64]
MAX_WORD_CHARS = 24
_WORD = re.compile(rf"\w{{1,{MAX_WORD_CHARS}}}")
_MAX_U32 = np.uint32(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)
_SHIFT33 = np.uint64(33)
_FMIX1 = np.uint64(0xFF51AFD7ED558CCD)
_FMIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_GOLDEN64 = np.uint64(0x9E3779B97F4A7C15)
_HIGH_HALF = slice(1, None, 2) if sys.byteorder == "little" else slice(0, None, 2)
"""uint64 values viewed as uint32 pairs: the half holding the top 32 bits (value >> 32)."""
_MASK64 = (1 << 64) - 1
_RECENT_TEXTS = 8
_NEAR_PROBES = 8
BYTE_PATH_MAX_CHARS = 1 << 16
"""ASCII texts up to this length are hashed from their bytes (power tables: 1 MB per seed)."""


def sorted_unique(values: U32Array) -> U32Array:
    """Sort in place and drop repeats (cheaper than np.unique on a few hundred values)."""
    values.sort()
    return _drop_repeats(values)


def _drop_repeats(values: U32Array) -> U32Array:
    """A sorted array without its repeated values."""
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def words(text: str) -> list[str]:
    """Lowercase word tokens of a text (letters and digits of any script)."""
    return _WORD.findall(text.lower())


def _ascii_word_table() -> bytes:
    """bytes.translate table: ASCII word characters to lowercase, everything else to a space."""
    table = bytearray(b" " * 256)
    for code in range(128):
        char = chr(code)
        if char.isalnum() or char == "_":
            table[code] = ord(char.lower())
    return bytes(table)


_ASCII_WORDS = _ascii_word_table()
_SPACE = np.uint8(ord(" "))


@functools.lru_cache(maxsize=8)
def _power_tables(base: int, count: int) -> tuple[U64Array, U64Array]:
    """B**i and B**-i modulo 2**64 for i < count (B odd, so it has an inverse), read-only."""
    tables = []
    for factor in (base, pow(base, -1, 1 << 64)):
        powers = np.empty(count, dtype=np.uint64)
        powers[0] = 1
        filled = 1
        while filled < count:  # doubling: powers[filled + i] = powers[i] * factor**filled
            step = min(filled, count - filled)
            scale = np.uint64(pow(factor, filled, 1 << 64))
            np.multiply(powers[:step], scale, out=powers[filled : filled + step])
            filled += step
        powers.flags.writeable = False
        tables.append(powers)
    return tables[0], tables[1]


def _ascii_shingles(
    codes: npt.NDArray[np.uint8], base: np.uint64, mix: U64Array
) -> tuple[int, U32Array]:
    """Word count and sorted unique shingle hashes of `_ASCII_WORDS`-translated bytes.

    One pass: a word is a run of non-space bytes, cut every MAX_WORD_CHARS as `words` cuts it;
    the same hashes as `Shingler.text_word_hashes` and `shingle_hashes`.
    """
    word_hashes = np.empty(codes.size + 1, dtype=np.uint64)
    count = 0
    value = np.uint64(0)
    power = np.uint64(1)
    length = 0
    for code in codes:
        if code == 32 or length == MAX_WORD_CHARS:
            if length:
                word_hashes[count] = value
                count += 1
                value = np.uint64(0)
                power = np.uint64(1)
                length = 0
            if code == 32:
                continue
        value += np.uint64(code) * power
        power *= base
        length += 1
    if length:
        word_hashes[count] = value
        count += 1
    if count == 0:
        return 0, np.empty(0, dtype=np.uint32)
    for index in range(count):  # _fmix64
        value = word_hashes[index]
        value ^= value >> _SHIFT33
        value *= _FMIX1
        value ^= value >> _SHIFT33
        value *= _FMIX2
        word_hashes[index] = value ^ (value >> _SHIFT33)
    span = min(mix.size, count)
    shingles = np.empty(count - span + 1, dtype=np.uint32)
    for start in range(shingles.size):
        combined = np.uint64(0)
        for offset in range(span):
            combined += mix[offset] * word_hashes[start + offset]
        shingles[start] = np.uint32(combined >> _SHIFT32)
    shingles.sort()
    kept = 1
    for index in range(1, shingles.size):
        if shingles[index] != shingles[kept - 1]:
            shingles[kept] = shingles[index]
            kept += 1
    return count, shingles[:kept].copy()


def _one_permutation_signature(
    shingles: U32Array, a: np.uint64, b: np.uint64, probes: npt.NDArray[np.int16]
) -> U32Array:
    """`MinHasher.signature` in one loop: per-bin minimum, then densification by probing."""
    num_perm = probes.shape[0]
    bins = np.uint64(num_perm)
    raw = np.full(num_perm, _MAX_U32, dtype=np.uint32)
    for shingle in shingles:
        value = (np.uint64(shingle) * a + b) >> _SHIFT32
        slot = (value * bins) >> _SHIFT32
        if value < raw[slot]:
            raw[slot] = np.uint32(value)
    signature = raw.copy()
    for empty in range(num_perm):
        if raw[empty] == _MAX_U32:
            for probe in probes[empty]:
                if raw[probe] != _MAX_U32:
                    signature[empty] = raw[probe]
                    break
    return signature


def _band_hashes(signature: U32Array, bands: int, rows: int, band_mix: U64Array) -> U64Array:
    """`MinHasher.band_hashes` in one loop: per band, the rows' hash mixed with the band number."""
    out = np.empty(bands, dtype=np.uint64)
    for band in range(bands):
        mixed = np.uint64(0)
        for row in range(rows):
            mixed += np.uint64(signature[band * rows + row]) * band_mix[row]
        value = mixed ^ (np.uint64(band) * _GOLDEN64)
        value ^= value >> _SHIFT33  # _fmix64
        value *= _FMIX1
        value ^= value >> _SHIFT33
        value *= _FMIX2
        out[band] = value ^ (value >> _SHIFT33)
    return out


def _shared_count(left: U32Array, right: U32Array) -> int:
    """How many values two sorted unique sets share: one merge pass over both."""
    i = 0
    j = 0
    shared = 0
    while i < left.size and j < right.size:
        a = left[i]
        b = right[j]
        if a < b:
            i += 1
        elif b < a:
            j += 1
        else:
            shared += 1
            i += 1
            j += 1
    return shared


def _shared_counts(left: U32Array, values: U32Array, sizes: npt.NDArray[np.int64]) -> Any:
    """`_shared_count` of `left` with each of the sets laid end to end in `values`.

    From three sets on, `left` goes into an open-addressing hash table once and each value is
    one probe (cheaper than a merge per set); fewer sets are merged.
    """
    counts = np.zeros(sizes.size, dtype=np.int64)
    if sizes.size < 3:
        start = 0
        for index in range(sizes.size):
            end = start + sizes[index]
            i = 0
            j = start
            shared = 0
            while i < left.size and j < end:
                a = left[i]
                b = values[j]
                if a < b:
                    i += 1
                elif b < a:
                    j += 1
                else:
                    shared += 1
                    i += 1
                    j += 1
            counts[index] = shared
            start = end
        return counts
    bits = 4
    while (1 << bits) < 4 * left.size:
        bits += 1
    mask = (1 << bits) - 1
    shift = np.uint64(64 - bits)
    empty = np.uint64(1 << 63)  # no uint32 value
    table = np.full(1 << bits, empty, dtype=np.uint64)
    for value in left:
        key = np.uint64(value)
        slot = np.int64((key * _GOLDEN64) >> shift)
        while table[slot] != empty:
            slot = (slot + 1) & mask
        table[slot] = key
    start = 0
    for index in range(sizes.size):
        end = start + sizes[index]
        shared = 0
        for j in range(start, end):
            key = np.uint64(values[j])
            slot = np.int64((key * _GOLDEN64) >> shift)
            while True:
                held = table[slot]
                if held == key:
                    shared += 1
                    break
                if held == empty:
                    break
                slot = (slot + 1) & mask
        counts[index] = shared
        start = end
    return counts


class _Kernels:
    """The five loops above compiled by numba (eagerly, cached on disk), or None without it."""

    def __init__(self, jit: Any, types: Any, cache: bool) -> None:
        u8, u32, u64, i16 = types.uint8, types.uint32, types.uint64, types.int16

        def arrays(kind: Any, ndim: int = 1) -> list[Any]:
            return [types.Array(kind, ndim, "C", readonly=flag) for flag in (True, False)]

        self.ascii_shingles: Callable[..., tuple[int, U32Array]] = jit(
            [types.Tuple((types.int64, u32[::1]))(codes, u64, u64[::1]) for codes in arrays(u8)],
            cache=cache,
        )(_ascii_shingles)
        self.signature: Callable[..., U32Array] = jit(
            [u32[::1](shingles, u64, u64, i16[:, ::1]) for shingles in arrays(u32)], cache=cache
        )(_one_permutation_signature)
        self.band_hashes: Callable[..., U64Array] = jit(
            [u64[::1](signature, types.int64, types.int64, u64[::1]) for signature in arrays(u32)],
            cache=cache,
        )(_band_hashes)
        self.shared_count: Callable[[U32Array, U32Array], int] = jit(
            [types.int64(left, right) for left in arrays(u32) for right in arrays(u32)],
            cache=cache,
        )(_shared_count)
        self.shared_counts: Callable[..., Any] = jit(
            [types.int64[::1](left, u32[::1], types.int64[::1]) for left in arrays(u32)],
            cache=cache,
        )(_shared_counts)


def _compile_kernels() -> _Kernels | None:
    """Compile the kernels with numba (a dependency); None (numpy alone) if it cannot.

    Compiled code is cached in __pycache__ (or NUMBA_CACHE_DIR), so only a fresh install pays
    the few seconds of compiling; WIREWATCH_NO_NUMBA=1 forces the numpy path.
    """
    if os.environ.get("WIREWATCH_NO_NUMBA"):
        return None
    try:
        import numba
    except ImportError:
        warnings.warn("numba is not installed: dedup hashing runs on numpy alone", stacklevel=2)
        return None
    try:
        return _Kernels(numba.njit, numba.types, cache=True)
    except RuntimeError:  # no writable cache location: compile for this process only
        return _Kernels(numba.njit, numba.types, cache=False)


_KERNELS = _compile_kernels()


class Shingler:
    """Hash every run of `size` consecutive words to one uint32, vectorised over the text."""

    def __init__(self, size: int, seed: int = 1) -> None:
        if size < 1:
            raise ValueError(f"shingle size must be >= 1, got {size}; use 5 for news text")
        self.size = size
        rng = np.random.default_rng(seed + 7919)
        base = int(rng.integers(1, 2**63, dtype=np.uint64)) | 1
        self._base = np.uint64(base)
        self._mix = rng.integers(1, 2**63, size=size, dtype=np.uint64) | np.uint64(1)
        self._powers, inverse = _power_tables(base, BYTE_PATH_MAX_CHARS + 2)
        self._inverse_after = inverse[1:]  # B**-(i + 1): scales back a word starting at i + 1
        self._word_powers = np.ascontiguousarray(self._powers[:MAX_WORD_CHARS])
        self._recent: dict[str, tuple[int, U32Array]] = {}

    def word_hashes(self, tokens: Sequence[str]) -> U64Array:
        """A 64-bit hash per word (`words` tokens: at most MAX_WORD_CHARS code points each)."""
        if not tokens:
            return np.empty(0, dtype=np.uint64)
        matrix = np.array(tokens, dtype=f"<U{MAX_WORD_CHARS}")
        codes = matrix.view(np.uint32).reshape(len(tokens), MAX_WORD_CHARS)
        return _fmix64(codes.astype(np.uint64) @ self._word_powers)

    def text_word_hashes(self, text: str) -> U64Array:
        """word_hashes(words(text)), from the bytes of an ASCII text (one prefix sum, no split).

        A word's hash is the difference of two prefix sums of `byte_t * B**t`, scaled back by
        B**-start; texts with a word longer than MAX_WORD_CHARS (which `words` splits) or
        non-ASCII characters take the token path.
        """
        if text.isascii() and len(text) <= BYTE_PATH_MAX_CHARS:
            padded = (b" " + text.encode("ascii") + b" ").translate(_ASCII_WORDS)
            codes = np.frombuffer(padded, dtype=np.uint8)
            in_word = codes != _SPACE
            # edges alternate: the position before a word's first byte, then its last byte
            edges = np.flatnonzero(in_word[1:] != in_word[:-1])
            if edges.size == 0:
                return np.empty(0, dtype=np.uint64)
            before = edges[0::2]
            if int((edges[1::2] - before).max()) <= MAX_WORD_CHARS:
                prefix = np.cumsum(codes * self._powers[: codes.size], dtype=np.uint64)
                sums = prefix[edges]
                hashed = sums[1::2] - sums[0::2]
                hashed *= self._inverse_after[before]
                return _fmix64(hashed)
        return self.word_hashes(words(text))

    def shingle_hashes(self, word_hashes: U64Array) -> U32Array:
        """Sorted unique uint32 shingle hashes; fewer words than `size` make one shingle."""
        count = word_hashes.size
        if count == 0:
            return np.empty(0, dtype=np.uint32)
        span = min(self.size, count)
        word_hashes = np.ascontiguousarray(word_hashes)
        windows = np.ndarray(
            (count - span + 1, span), dtype=np.uint64, buffer=word_hashes, strides=(8, 8)
        )
        combined: U64Array = windows @ self._mix[:span]
        return _drop_repeats(np.sort(combined.view(np.uint32)[_HIGH_HALF]))

    def hashes(self, tokens: Sequence[str]) -> U32Array:
        """Sorted unique uint32 shingle hashes of `words` tokens."""
        return self.shingle_hashes(self.word_hashes(tokens))

    def text_hashes(self, text: str) -> U32Array:
        """Shingle hashes of a raw or normalised text (treat the result as read-only)."""
        return self.counted_hashes(text)[1]

    def counted_hashes(self, text: str) -> tuple[int, U32Array]:
        """Word count and shingle hashes of a text, memoised for the last few texts.

        An article's paragraphs are often its whole matching text (briefs), so linking does not
        tokenise and hash the same text twice.
        """
        found = self._recent.get(text)
        if found is None:
            if _KERNELS is not None and text.isascii():
                codes = np.frombuffer(text.encode("ascii").translate(_ASCII_WORDS), np.uint8)
                count, hashes = _KERNELS.ascii_shingles(codes, self._base, self._mix)
            else:
                word_hashes = self.text_word_hashes(text)
                count, hashes = word_hashes.size, self.shingle_hashes(word_hashes)
            hashes.flags.writeable = False  # shared by every caller of the memo
            found = (count, hashes)
            if len(self._recent) >= _RECENT_TEXTS:
                self._recent.clear()
            self._recent[text] = found
        return found


def _fmix64(values: U64Array) -> U64Array:
    """MurmurHash3's 64-bit finaliser, in place: spreads every input bit over the output."""
    values ^= values >> _SHIFT33
    values *= _FMIX1
    values ^= values >> _SHIFT33
    values *= _FMIX2
    values ^= values >> _SHIFT33
    return values


class MinHasher:
    """One-permutation MinHash with densification, then LSH band keys.

    Each shingle is hashed once (`(a * x + b) >> 32` over uint64) and falls into one of
    `num_perm` bins by its top bits; a bin keeps its minimum. An empty bin borrows the value of
    the first non-empty bin on its own fixed random probe order (Shrivastava's optimal
    densification), so two sets agree on a bin with probability equal to their Jaccard, as with
    `num_perm` independent permutations, at the cost of one hash per shingle instead of
    `num_perm`.
    """

    def __init__(self, num_perm: int, bands: int, rows: int, seed: int = 1) -> None:
        if bands * rows > num_perm:
            raise ValueError(
                f"bands * rows = {bands * rows} exceeds num_perm = {num_perm}; "
                "lower bands or rows, or raise num_perm"
            )
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.bands = bands
        self.rows = rows
        self._a = np.uint64(rng.integers(1, 2**63, dtype=np.uint64) | np.uint64(1))
        self._b = np.uint64(rng.integers(0, 2**63, dtype=np.uint64))
        self._band_mix = rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        self._band_salts = np.arange(bands, dtype=np.uint64) * _GOLDEN64
        self._probes = np.argsort(rng.random((num_perm, num_perm)), axis=1).astype(np.int16)
        self._near_probes = np.ascontiguousarray(self._probes[:, :_NEAR_PROBES])
        self._near_offsets = np.arange(num_perm) * _NEAR_PROBES  # row starts, probes flattened
        self._row_numbers = np.arange(num_perm)
        # a value v falls in bin (v * num_perm) >> 32, so bin i holds [starts[i], starts[i + 1])
        bin_starts = [-(-i * 2**32 // num_perm) for i in range(num_perm + 1)]
        self._bin_starts = np.array(bin_starts[:-1], dtype=np.uint32)
        # values at or past a bin's end did not fall in it; MAX counts as empty, as it always has
        self._bin_ends = np.array([*bin_starts[1:-1], 0xFFFFFFFF], dtype=np.uint32)

    def signature(self, shingles: U32Array) -> U32Array:
        """The densified one-permutation signature of a shingle set; all-max for an empty set."""
        count = shingles.size
        if _KERNELS is not None:
            return _KERNELS.signature(
                np.ascontiguousarray(shingles, dtype=np.uint32), self._a, self._b, self._probes
            )
        if count == 0:
            return np.full(self.num_perm, _MAX_U32, dtype=np.uint32)
        hashed = shingles.astype(np.uint64)
        hashed *= self._a
        hashed += self._b
        values = np.empty(count + 1, dtype=np.uint32)
        values[:count] = hashed.view(np.uint32)[_HIGH_HALF]  # (a * x + b) >> 32
        values[count] = _MAX_U32
        values[:count].sort()
        # bins are monotone in the value, so a bin's minimum is the first sorted value in it
        signature = values[np.searchsorted(values[:count], self._bin_starts)]
        empty = signature >= self._bin_ends
        missing = np.flatnonzero(empty)
        if missing.size:
            filled = np.logical_not(empty, out=empty)
            probes = self._near_probes[missing]
            first = np.argmax(filled[probes], axis=1)
            first += self._near_offsets[: missing.size]
            donors = probes.ravel()[first]
            if not filled[donors].all():  # rare: the first probes all empty too; probe them all
                probes = self._probes[missing]
                first = np.argmax(filled[probes], axis=1)
                donors = probes[self._row_numbers[: missing.size], first]
            signature[missing] = signature[donors]
        return signature

    def band_hashes(self, signature: U32Array) -> U64Array:
        """One 64-bit key per band: the band number mixed into a hash of the band's rows.

        A band's rows hash to `sum(signature[row] * m_row)` (m_row seeded random odd, mod
        2**64); its key is `fmix64(rows_hash ^ band * 0x9E3779B97F4A7C15)`. fmix64 is a
        bijection, so two signatures share band b's key exactly when they share its rows hash,
        and keys of different bands collide only by chance (2**-64).
        """
        if _KERNELS is not None:
            signature = np.ascontiguousarray(signature, dtype=np.uint32)
            return _KERNELS.band_hashes(signature, self.bands, self.rows, self._band_mix)
        grid = signature[: self.bands * self.rows].reshape(self.bands, self.rows)
        mixed: U64Array = np.dot(grid, self._band_mix)  # uint64 wrap-around, as the products
        mixed ^= self._band_salts
        return _fmix64(mixed)


@dataclass(frozen=True, slots=True)
class Overlap:
    """Exact overlap of two shingle sets."""

    shared: int
    jaccard: float
    containment: float


def _shared(left: U32Array, right: U32Array) -> int:
    """How many values two sorted unique non-empty sets share (binary search of the smaller)."""
    if _KERNELS is not None and left.dtype == right.dtype == np.uint32:
        return _KERNELS.shared_count(np.ascontiguousarray(left), np.ascontiguousarray(right))
    if left.size > right.size:
        left, right = right, left
    positions = np.searchsorted(right, left)
    np.minimum(positions, right.size - 1, out=positions)
    return int(np.count_nonzero(right[positions] == left))


def overlap(left: U32Array, right: U32Array) -> Overlap:
    """Exact Jaccard and containment (shared over the smaller set) of two sorted unique sets."""
    if left.size == 0 or right.size == 0:
        return Overlap(0, 0.0, 0.0)
    return overlap_from(_shared(left, right), left.size, right.size)


def overlap_from(shared: int, left_size: int, right_size: int) -> Overlap:
    """The Overlap of two non-empty sets of these sizes that share `shared` values."""
    union = left_size + right_size - shared
    return Overlap(shared, shared / union, shared / min(left_size, right_size))


def shared_counts(left: U32Array, sets: Sequence[U32Array]) -> list[int]:
    """How many values the sorted unique set `left` shares with each sorted unique set."""
    if not sets or left.size == 0:
        return [0] * len(sets)
    if _KERNELS is not None and left.dtype == np.uint32:
        values = np.concatenate(sets)
        if values.dtype == np.uint32:
            sizes = np.fromiter(map(len, sets), np.int64, len(sets))
            counts: list[int] = _KERNELS.shared_counts(
                np.ascontiguousarray(left), values, sizes
            ).tolist()
            return counts
    return [_shared(left, right) if right.size else 0 for right in sets]


def known_fraction(shingles: U32Array, known: U32Array) -> float:
    """Share of `shingles` present in the sorted set `known` (0 for an empty input)."""
    if shingles.size == 0 or known.size == 0:
        return 0.0
    return _shared(shingles, known) / shingles.size


def encode_set(shingles: U32Array) -> str:
    """A sorted uint32 set as compact base64 of its little-endian bytes (JSON-ready)."""
    return base64.b64encode(shingles.astype("<u4", copy=False).tobytes()).decode("ascii")


def decode_set(encoded: str) -> U32Array:
    """Inverse of encode_set (a read-only array over the decoded bytes)."""
    return np.frombuffer(base64.b64decode(encoded), dtype="<u4").astype(np.uint32, copy=False)


class DecodedSets:
    """`decode_set` memoised per key (an article id) for the `size` most recently decoded keys.

    A key is decoded again when its stored encoding differs from the one memoised, so a stale
    entry never answers.
    """

    def __init__(self, size: int = 4096) -> None:
        if size < 1:
            raise ValueError(f"size must be >= 1, got {size}")
        self.size = size
        self._sets: dict[str, tuple[str, U32Array]] = {}

    def get(self, key: str, encoded: str) -> U32Array:
        """The decoded set of `encoded`, stored under `key` (read-only; do not modify)."""
        sets = self._sets
        hit = sets.get(key)
        if hit is not None and hit[0] == encoded:
            return hit[1]
        decoded = decode_set(encoded)
        if hit is not None:
            del sets[key]  # re-inserted as the newest
        sets[key] = (encoded, decoded)
        if len(sets) > self.size:
            del sets[next(iter(sets))]
        return decoded
