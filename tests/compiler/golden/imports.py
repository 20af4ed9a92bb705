# Import forms: dotted, aliased submodule, relative, star.
import os
import os.path
import os.path as osp
from . import sibling
from ..pkg.mod import a, b as c
from mod import *
def f():
    import json
    from collections import deque
    return json, deque
