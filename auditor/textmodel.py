"""A small linear text classifier that ships as package data: hashed word and character n-grams, a
few named features from rules, and a sentence embedding, weighed by logistic regression.

Hashing needs no vocabulary file, so a model is one array of weights (a few MB, stored with numpy,
no pickle) that loads in milliseconds and runs on the CPU. The embedding is wordllama's, whose
16 MB table ships inside its own wheel; it is loaded from the installed package with downloads
disabled, so nothing is fetched. It lets the model generalise to words the corpus never used
("prisoners" where it only saw "inmates"). The weights are trained by code in `evaluation/` on the
project's own labelled corpus; this module only applies them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np
from scipy import sparse

WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18
WORD_TOKENS = r"(?u)#?\b\w[\w'’-]*\b"
EMBEDDING = "wordllama-l2_supercat_256"
# Words too common to carry meaning on their own: left out of the word n-grams so that the model cannot
# lean on a corpus's habits ("at", "here"). Negations stay in; the rules read phrasing such as "my sergeant".
FUNCTION_WORDS = frozenset("""a an the at on in of to for with by from into onto over under here there my our me i i'm im
we we're you your yours it its it's is are was were be been being and or but so just own this that these those as up out
about all get got has have had do does did am will would can could should he she him her his hers they them their theirs
what which who whom when where why how than then too very also some any""".split())


@lru_cache(maxsize=1)
def _vectorizers():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=WORD_TOKENS, n_features=WORD_FEATURES,
                              alternate_sign=False, norm="l2", binary=True, lowercase=True, stop_words=list(FUNCTION_WORDS))
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=CHAR_FEATURES, alternate_sign=False,
                              norm="l2", lowercase=True)
    return words, chars


@lru_cache(maxsize=1)
def _wordllama():  # type: ignore[no-untyped-def]
    from pathlib import Path

    import wordllama

    # From the installed package only: without these two arguments wordllama may try to download.
    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence embeddings (256 numbers a text)."""
    return np.asarray(_wordllama().embed(list(texts), norm=True), dtype=np.float64).reshape(len(texts), -1)


def feature_matrix(texts: Sequence[str], extras: np.ndarray, embedding_scale: float = 0.0,
                   embedding_texts: Sequence[str] | None = None) -> sparse.csr_matrix:
    """Rows of [word n-grams | character n-grams | named extra features | scaled embedding] for `texts`."""
    words, chars = _vectorizers()
    blocks = [words.transform(texts), chars.transform(texts), sparse.csr_matrix(extras)]
    if embedding_scale:
        blocks.append(sparse.csr_matrix(embed(embedding_texts or texts) * embedding_scale))
    return sparse.hstack(blocks, format="csr")


def word_weights(text: str, weights: np.ndarray) -> list[tuple[str, float]]:
    """The words and word pairs of `text` with the weight the model gives each (for explanations)."""
    words, _ = _vectorizers()
    analyzer = words.build_analyzer()
    found = {}
    for gram in analyzer(text):
        column = words.transform([gram]).indices
        if len(column):
            found[gram] = float(weights[column[0]])
    return sorted(found.items(), key=lambda kv: -kv[1])


@dataclass(frozen=True)
class LinearTextModel:
    weights: np.ndarray
    bias: float
    threshold: float  # decision threshold on the probability, chosen on training data only
    extras: tuple[str, ...]  # names of the extra features, in column order
    info: dict
    embedding_scale: float = 0.0  # 0: no embedding block

    def probabilities(self, texts: Sequence[str], extras: np.ndarray, embedding_texts: Sequence[str] | None = None
                      ) -> np.ndarray:
        if not len(texts):
            return np.zeros(0)
        scores = feature_matrix(texts, extras, self.embedding_scale, embedding_texts) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-scores))

    def save(self, path) -> None:  # type: ignore[no-untyped-def]
        np.savez_compressed(path, weights=self.weights.astype(np.float32), bias=np.float64(self.bias),
                            threshold=np.float64(self.threshold), extras=np.array(self.extras),
                            embedding_scale=np.float64(self.embedding_scale),
                            info=np.array(json.dumps(self.info, sort_keys=True)))


@lru_cache(maxsize=4)
def load_model(name: str) -> LinearTextModel:
    with resources.files("auditor").joinpath("data", name).open("rb") as handle:
        stored = np.load(handle, allow_pickle=False)
        return LinearTextModel(weights=stored["weights"].astype(np.float64), bias=float(stored["bias"]),
                               threshold=float(stored["threshold"]), extras=tuple(str(e) for e in stored["extras"]),
                               info=json.loads(str(stored["info"])), embedding_scale=float(stored["embedding_scale"]))
