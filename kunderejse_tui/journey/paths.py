"""Where a value sits in a journey: the keys and list indexes from the top down.

``("stages", 0, "touchpoints", 2, "emotion")`` is the emotion of the third
touchpoint of the first stage. Edits, problems, the schema check and the
evidence all address the journey this way.
"""

from collections.abc import Callable

PathPart = str | int
KeyPath = tuple[PathPart, ...]
# A path's place in the file it was loaded from: (line, column), both 1-based.
Locate = Callable[[KeyPath], tuple[int, int]]
