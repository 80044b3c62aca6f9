"""The model's dataclasses are made on first use, and are then the standard library's dataclasses.

Each test compares a lazy class with the same class made by ``dataclasses.dataclass`` at once:
whatever the model's users rely on (equality, hashing, order, repr, frozenness, fields, replace,
pickling, the docstring) must not tell them apart.
"""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

from zusammenleben.content import model
from zusammenleben.content.model_dataclass import lazy_dataclass, materialize


def twins(**arguments):
    """The same class body twice: made lazily and made at once."""

    def body():
        class Point:
            x: int
            y: int = 0
            tags: list = dataclasses.field(default_factory=list, compare=False)

            def norm(self) -> int:
                return abs(self.x) + abs(self.y)

        return Point

    lazy = lazy_dataclass(**arguments)(body())
    eager = dataclasses.dataclass(**arguments)(body())
    return lazy, eager


def test_a_lazy_class_waits_until_first_use_then_is_the_dataclass():
    lazy, _eager = twins(frozen=True)
    assert "__lazy_dataclass__" in lazy.__dict__
    point = lazy(1, 2)
    assert "__lazy_dataclass__" not in lazy.__dict__
    assert point.norm() == 3
    assert dataclasses.is_dataclass(lazy)
    assert lazy.__dataclass_params__.frozen


@pytest.mark.parametrize("arguments", [{}, {"frozen": True}, {"frozen": True, "order": True}, {"eq": False}])
def test_lazy_and_eager_classes_behave_alike(arguments):
    lazy, eager = twins(**arguments)
    a, b, c = lazy(1, 2), lazy(1, 2), lazy(2, 0)
    ea, eb, ec = eager(1, 2), eager(1, 2), eager(2, 0)
    assert (a == b, a == c, a != c) == (ea == eb, ea == ec, ea != ec)
    assert repr(a) == repr(ea)  # the same qualified name, from the same body
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(ea)]
    assert lazy.__match_args__ == eager.__match_args__
    assert lazy.__doc__ == eager.__doc__
    assert (lazy.__hash__ is None) == (eager.__hash__ is None)
    if eager.__hash__ is not None and arguments.get("frozen"):
        assert hash(a) == hash(b)
    if arguments.get("order"):
        assert (a < c, a <= b, c > a, c >= a) == (ea < ec, ea <= eb, ec > ea, ec >= ea)
    if arguments.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 5
        with pytest.raises(dataclasses.FrozenInstanceError):
            del a.y
    assert repr(dataclasses.replace(a, y=7)) == repr(lazy(1, 7))


@pytest.mark.parametrize("use", [
    lambda cls: cls(1) == cls(1),
    lambda cls: hash(cls(1)),
    lambda cls: repr(cls(1)),
    lambda cls: dataclasses.fields(cls),
    lambda cls: cls.__doc__,
    lambda cls: cls.__match_args__,
])
def test_any_first_use_makes_the_whole_class(use):
    lazy, eager = twins(frozen=True)
    use(lazy)
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(lazy, name).__qualname__ == getattr(eager, name).__qualname__  # not a stand-in
    assert lazy.__doc__ == eager.__doc__


@lazy_dataclass(frozen=True)
class Pickled:
    x: int
    y: int = 0


def test_an_unpickled_instance_works_before_and_after_the_class_is_made():
    """The pack cache unpickles the model: that must neither need nor make the generated methods."""
    waiting = Pickled.__new__(Pickled)
    object.__setattr__(waiting, "x", 3)
    object.__setattr__(waiting, "y", 4)
    restored = pickle.loads(pickle.dumps(waiting))  # pickle never calls __init__
    assert "__lazy_dataclass__" in Pickled.__dict__
    assert restored == Pickled(3, 4) and hash(restored) == hash(Pickled(3, 4))
    assert pickle.loads(pickle.dumps(Pickled(1))) == Pickled(1, 0)


def test_materialize_is_idempotent_and_other_arguments_are_not_deferred():
    lazy, _eager = twins(frozen=True)
    assert materialize(materialize(lazy)) is lazy
    slotted = lazy_dataclass(slots=True)(type("S", (), {"__annotations__": {"x": "int"}}))
    assert "__lazy_dataclass__" not in slotted.__dict__ and slotted.__slots__ == ("x",)


def test_the_model_compiles_no_method_when_imported():
    """The point of it all: importing the model (as every start does) generates nothing."""
    code = ("import dataclasses, sys\n"
            "made = []\n"
            "original = dataclasses._process_class\n"
            "dataclasses._process_class = lambda cls, *a: made.append(cls.__name__) or original(cls, *a)\n"
            "import zusammenleben.content.model\n"
            "print(','.join(made))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_model_class_is_a_frozen_dataclass_with_its_fields():
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(classes) == 20
    assert all(c.__dataclass_params__.frozen for c in classes)
    assert model.PartialDate.__dataclass_params__.order
    assert model.PartialDate(2016, 4) < model.PartialDate(2016, 5)
    assert [f.name for f in dataclasses.fields(model.DateSpan)] == ["start", "end"]
