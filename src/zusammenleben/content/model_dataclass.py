"""``dataclass`` for the content model, with its generated methods made on first use.

Why: ``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and the frozen ``__setattr__``/``__delattr__`` as source text and compiles it with
``exec`` when the class is defined. For the model's 20 frozen classes that is 124 functions,
~15 ms of the start-up's CPU (issue 19), although a start from the pack cache unpickles the pack
(no ``__init__``) and uses almost none of them before the first frame.

``lazy_dataclass(frozen=True, order=...)`` defines the class as a plain class with small
stand-ins in place of those methods (and of ``__dataclass_fields__``, ``__match_args__`` and a
missing ``__doc__``). The first call of any stand-in, or the first look at those attributes
(``dataclasses.fields``, ``is_dataclass``, ``replace``, ``help``), runs the real
``dataclasses.dataclass`` on the class with the same arguments, which puts the generated methods
in place; from then on the class is exactly the dataclass it would have been. The result is the
standard library's own, so equality, hashing, ordering, ``repr``, frozenness and pickling stay
what they were; only the moment the methods are compiled moves.

Only the arguments the model uses are deferred (``init``, ``repr``, ``eq``, ``order``,
``frozen``); any other argument makes the class at once, as ``dataclass`` would. The app reads
and writes the model on one thread (the Qt main thread), so the swap needs no lock.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass
from typing import Any

#: the class attribute that holds what is still to be done: (dataclass arguments, stand-in names)
_PENDING = "__lazy_dataclass__"
_DEFERRED_ARGUMENTS = frozenset({"init", "repr", "eq", "order", "frozen"})


def lazy_dataclass(cls: type | None = None, /, **arguments: Any):
    """``@lazy_dataclass`` or ``@lazy_dataclass(frozen=True, ...)``: a dataclass made on first use."""

    def wrap(cls: type) -> type:
        if not set(arguments) <= _DEFERRED_ARGUMENTS:
            return dataclass(cls, **arguments)
        return _defer(cls, arguments)

    return wrap if cls is None else wrap(cls)


def materialize(cls: type) -> type:
    """Make ``cls`` the real dataclass now, if it is still waiting (idempotent)."""
    pending = cls.__dict__.get(_PENDING)
    if pending is None:
        return cls
    arguments, names = pending
    delattr(cls, _PENDING)  # first: whatever the stand-ins are asked from here on is the real thing's
    for name in names:
        if name == "__doc__":
            cls.__doc__ = None  # as the class statement left it; dataclass writes the signature there
        else:
            delattr(cls, name)
    return dataclass(cls, **arguments)


def _defer(cls: type, arguments: dict[str, Any]) -> type:
    init = arguments.get("init", True)
    repr_ = arguments.get("repr", True)
    eq = arguments.get("eq", True)
    order = arguments.get("order", False)
    frozen = arguments.get("frozen", False)
    own = cls.__dict__
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    # the errors dataclass raises for a class that defines these itself, raised now as it would be
    for name in ("__lt__", "__le__", "__gt__", "__ge__") if order else ():
        if name in own:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                            "Consider using functools.total_ordering")
    for name in ("__setattr__", "__delattr__") if frozen else ():
        if name in own:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")

    methods = [name for flag, name in ((init, "__init__"), (repr_, "__repr__"), (eq, "__eq__")) if flag]
    if order:
        methods += ["__lt__", "__le__", "__gt__", "__ge__"]
    if frozen:
        methods += ["__setattr__", "__delattr__"]
    methods = [name for name in methods if name not in own]  # dataclass keeps what the class defines
    class_hash = own.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
    eager: dict[str, Any] = {}
    if eq and not explicit_hash:
        if frozen:
            methods.append("__hash__")  # dataclass adds a field hash
        else:
            eager["__hash__"] = None  # dataclass makes the instances unhashable; so does the stand-in
    looks = ["__dataclass_fields__", "__dataclass_params__"]
    if "__match_args__" not in own:
        looks.append("__match_args__")
    if own.get("__doc__") is None:
        looks.append("__doc__")

    for name in methods:
        setattr(cls, name, _stand_in(cls, name))
    for name, value in eager.items():
        setattr(cls, name, value)
    for name in looks:
        setattr(cls, name, _OnFirstLook(cls, name))
    setattr(cls, _PENDING, (dict(arguments), (*methods, *eager, *looks)))
    return cls


def _stand_in(cls: type, name: str):
    def stand_in(self, *args, **kwargs):
        materialize(cls)
        return getattr(cls, name)(self, *args, **kwargs)

    stand_in.__name__ = stand_in.__qualname__ = name
    return stand_in


class _OnFirstLook:
    """A class attribute that makes the dataclass when it is read, then reads the real one."""

    def __init__(self, cls: type, name: str) -> None:
        self.cls = cls
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        materialize(self.cls)
        return getattr(instance if instance is not None else (owner or self.cls), self.name)
