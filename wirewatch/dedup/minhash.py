"""Word shingles, vectorised MinHash signatures, LSH band keys and exact set overlap.

Shingles are hashed to uint32 once; the shingle hash set (sorted, unique) is both the MinHash
input and the exact second measure used to verify LSH candidates.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

U32Array = npt.NDArray[np.uint32]
MAX_WORD_CHARS = 24
_WORD = re.compile(rf"\w{{1,{MAX_WORD_CHARS}}}")
_MAX_U32 = np.uint32(0xFFFFFFFF)


def words(text: str) -> list[str]:
    """Lowercase word tokens of a text (letters and digits of any script)."""
    return _WORD.findall(text.lower())


class Shingler:
    """Hash every run of `size` consecutive words to one uint32, vectorised over the text.

    Words are hashed together as a code-point matrix (one row per word), so no Python loop
    runs per word or per shingle.
    """

    def __init__(self, size: int, seed: int = 1) -> None:
        if size < 1:
            raise ValueError(f"shingle size must be >= 1, got {size}; use 5 for news text")
        self.size = size
        rng = np.random.default_rng(seed + 7919)
        self._char_mix = rng.integers(1, 2**63, size=MAX_WORD_CHARS, dtype=np.uint64) | 1
        self._mix = rng.integers(1, 2**63, size=size, dtype=np.uint64) | np.uint64(1)

    def word_hashes(self, tokens: list[str]) -> npt.NDArray[np.uint64]:
        """A 64-bit hash per word: code points times per-position odd multipliers, then mixed."""
        matrix = np.array(tokens, dtype=f"<U{MAX_WORD_CHARS}")
        codes = matrix.view(np.uint32).reshape(len(tokens), MAX_WORD_CHARS).astype(np.uint64)
        hashed: npt.NDArray[np.uint64] = (codes * self._char_mix).sum(axis=1, dtype=np.uint64)
        return _fmix64(hashed)

    def hashes(self, tokens: list[str]) -> U32Array:
        """Sorted unique uint32 shingle hashes; a text shorter than `size` is one shingle."""
        if not tokens:
            return np.empty(0, dtype=np.uint32)
        word_hashes = self.word_hashes(tokens)
        span = min(self.size, len(tokens))
        count = len(tokens) - span + 1
        combined = word_hashes[:count] * self._mix[0]
        for offset in range(1, span):
            combined = combined + word_hashes[offset : offset + count] * self._mix[offset]
        return np.unique((combined >> np.uint64(32)).astype(np.uint32))

    def text_hashes(self, text: str) -> U32Array:
        """Shingle hashes of a raw or normalised text."""
        return self.hashes(words(text))


def _fmix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """MurmurHash3's 64-bit finaliser: spreads every input bit over the output."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


class MinHasher:
    """MinHash with multiply-add-shift hashing: `(a * x + b) >> 32` over uint64, min per column."""

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
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self._band_mix = rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        self._band_numbers = np.arange(bands, dtype=np.uint8)

    def signature(self, shingles: U32Array) -> U32Array:
        """The MinHash signature of a shingle hash set; all-max for an empty set."""
        if shingles.size == 0:
            return np.full(self.num_perm, _MAX_U32, dtype=np.uint32)
        hv = shingles.astype(np.uint64)[:, np.newaxis]
        phv: npt.NDArray[np.uint64] = hv * self._a
        phv += self._b
        phv >>= np.uint64(32)
        signature: U32Array = phv.min(axis=0).astype(np.uint32)
        return signature

    def band_keys(self, signature: U32Array) -> list[str]:
        """One store key per band: base64 of the band number and a 64-bit hash of its rows.

        Each band is 9 bytes (1 + 8), so the one base64 string splits into 12-character keys.
        """
        grid = signature[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        mixed = (grid * self._band_mix).sum(axis=1, dtype=np.uint64)
        packed = np.empty((self.bands, 9), dtype=np.uint8)
        packed[:, 0] = self._band_numbers
        packed[:, 1:] = mixed.astype("<u8").view(np.uint8).reshape(self.bands, 8)
        text = base64.b64encode(packed.tobytes()).decode("ascii")
        return [text[i : i + 12] for i in range(0, len(text), 12)]


@dataclass(frozen=True, slots=True)
class Overlap:
    """Exact overlap of two shingle sets."""

    shared: int
    jaccard: float
    containment: float


def overlap(left: U32Array, right: U32Array) -> Overlap:
    """Exact Jaccard and containment (shared over the smaller set) of two sorted unique sets."""
    if left.size == 0 or right.size == 0:
        return Overlap(0, 0.0, 0.0)
    shared = int(np.intersect1d(left, right, assume_unique=True).size)
    union = left.size + right.size - shared
    return Overlap(shared, shared / union, shared / min(left.size, right.size))


def known_fraction(shingles: U32Array, known: U32Array) -> float:
    """Share of `shingles` present in the sorted set `known` (0 for an empty input)."""
    if shingles.size == 0:
        return 0.0
    if known.size == 0:
        return 0.0
    positions = np.searchsorted(known, shingles)
    positions[positions >= known.size] = known.size - 1
    return float(np.count_nonzero(known[positions] == shingles)) / shingles.size


def encode_set(shingles: U32Array) -> str:
    """A sorted uint32 set as compact base64 of its little-endian bytes (JSON-ready)."""
    return base64.b64encode(shingles.astype("<u4").tobytes()).decode("ascii")


def decode_set(encoded: str) -> U32Array:
    """Inverse of encode_set."""
    return np.frombuffer(base64.b64decode(encoded), dtype="<u4").astype(np.uint32)
