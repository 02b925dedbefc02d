"""Check that the corpus scripts in tests/py/ stay inside minipy's language subset (issue 5).

Run from the repository root with CPython 3.11:

    python3 tests/py/tools/check_subset.py            # every tests/py/*.py
    python3 tests/py/tools/check_subset.py FILE ...   # only these

It parses each script with the `ast` module and reports every construct outside the subset
described in tests/py/README.md, plus scripts outside 10..60 lines. Scripts named
`err_syntax_*` and `err_scope_*` are meant not to compile; for them only the line count is
checked.
This tool is not part of the corpus (it lives in a subdirectory so no runner picks it up).
"""

import ast
import builtins
import glob
import os
import sys

ALLOWED_BUILTINS = {
    "print", "repr", "str", "int", "len", "isinstance", "issubclass", "type", "super",
    "getattr", "setattr", "hasattr", "delattr", "hash", "id", "object", "property",
    "classmethod", "staticmethod", "range", "list", "tuple", "dict", "iter", "next",
    "callable", "sorted", "True", "False", "None", "NotImplemented", "__class__",
    "BaseException", "Exception", "TypeError", "AttributeError", "ValueError", "KeyError",
    "IndexError", "StopIteration", "ZeroDivisionError", "NameError", "RuntimeError",
    "AssertionError", "NotImplementedError", "OverflowError", "RecursionError",
}
ALLOWED_MODULES = {"gc", "weakref"}
ALLOWED_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.Pow)
ALLOWED_UNARY = (ast.USub, ast.Not)
ALLOWED_PRINT_KEYWORDS = {"sep", "end"}
# Methods of builtin containers and str that the subset does not offer. A call `x.name(...)`
# with one of these names is reported unless the script itself defines `name`.
FORBIDDEN_METHODS = {
    "join", "format", "split", "rsplit", "upper", "lower", "strip", "lstrip", "rstrip",
    "replace", "startswith", "endswith", "find", "rfind", "encode", "decode", "zfill",
    "keys", "values", "items", "get", "pop", "popitem", "update", "setdefault", "extend",
    "insert", "remove", "sort", "reverse", "copy", "clear", "count", "index", "add",
    "discard", "fromkeys",
}
FORBIDDEN_NODES = {
    ast.JoinedStr: "f-string",
    ast.FormattedValue: "f-string",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "generator expression",
    ast.Yield: "yield",
    ast.YieldFrom: "yield from",
    ast.Await: "await",
    ast.AsyncFunctionDef: "async def",
    ast.AsyncFor: "async for",
    ast.AsyncWith: "async with",
    ast.With: "with",
    ast.Slice: "slicing",
    ast.Starred: "starred expression",
    ast.NamedExpr: "walrus",
    ast.Nonlocal: "nonlocal",
    ast.Set: "set literal",
    ast.Match: "match",
    ast.ImportFrom: "from-import",
    ast.AnnAssign: "annotation",
}


class Checker(ast.NodeVisitor):
    def __init__(self, path, tree):
        self.path = path
        self.problems = []
        self.defined = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                self.defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                self.defined.add(node.id)
            elif isinstance(node, ast.arg):
                self.defined.add(node.arg)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                self.defined.add(node.attr)

    def report(self, node, what):
        self.problems.append("%s:%d: %s" % (self.path, getattr(node, "lineno", 0), what))

    def generic_visit(self, node):
        what = FORBIDDEN_NODES.get(type(node))
        if what is not None:
            self.report(node, what)
        super().generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name not in ALLOWED_MODULES or alias.asname is not None:
                self.report(node, "import of " + alias.name)
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, (float, complex, bytes)) or node.value is Ellipsis:
            self.report(node, "literal of type " + type(node.value).__name__)

    def visit_BinOp(self, node):
        if not isinstance(node.op, ALLOWED_BINOPS):
            self.report(node, "operator " + type(node.op).__name__)
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and isinstance(
            node.left.value, str
        ):
            self.report(node, "% string formatting")
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if not isinstance(node.op, ALLOWED_BINOPS):
            self.report(node, "augmented operator " + type(node.op).__name__)
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if not isinstance(node.op, ALLOWED_UNARY):
            self.report(node, "unary operator " + type(node.op).__name__)
        self.generic_visit(node)

    def visit_Compare(self, node):
        if len(node.ops) > 1:
            self.report(node, "chained comparison")
        self.generic_visit(node)

    def visit_Assign(self, node):
        if len(node.targets) > 1:
            self.report(node, "chained assignment")
        self.generic_visit(node)

    def visit_Name(self, node):
        if (
            isinstance(node.ctx, ast.Load)
            and node.id not in self.defined
            and hasattr(builtins, node.id)
            and node.id not in ALLOWED_BUILTINS
        ):
            self.report(node, "builtin " + node.id)

    def visit_Call(self, node):
        for kw in node.keywords:
            if kw.arg is None:
                self.report(node, "** in a call")
        if isinstance(node.func, ast.Name) and node.func.id == "print":
            for kw in node.keywords:
                if kw.arg not in ALLOWED_PRINT_KEYWORDS:
                    self.report(node, "print keyword " + str(kw.arg))
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in FORBIDDEN_METHODS
            and node.func.attr not in self.defined
        ):
            self.report(node, "method ." + node.func.attr + "()")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        args = node.args
        if args.kwonlyargs or args.posonlyargs:
            self.report(node, "keyword-only or positional-only parameters")
        if node.returns is not None or any(a.annotation is not None for a in args.args):
            self.report(node, "annotation")
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        for kw in node.keywords:
            if kw.arg != "metaclass":
                self.report(node, "class keyword " + str(kw.arg))
        self.generic_visit(node)

    def visit_Raise(self, node):
        if node.cause is not None:
            self.report(node, "raise ... from")
        self.generic_visit(node)

    def visit_For(self, node):
        if node.orelse:
            self.report(node, "for/else")
        self.generic_visit(node)

    def visit_While(self, node):
        if node.orelse:
            self.report(node, "while/else")
        self.generic_visit(node)

    def visit_Try(self, node):
        for handler in node.handlers:
            if handler.type is None:
                self.report(handler, "bare except")
        self.generic_visit(node)

    def visit_TryStar(self, node):
        self.report(node, "except*")


def check(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    problems = []
    if not source.isascii():
        problems.append("%s: not ASCII" % path)
    lines = source.count("\n")
    if lines < 10 or lines > 60:
        problems.append("%s: %d lines (want 10..60)" % (path, lines))
    if "\t" in source:
        problems.append("%s: contains a tab" % path)
    if os.path.basename(path).startswith(("err_syntax_", "err_scope_")):
        try:
            compile(source, path, "exec")
            problems.append("%s: err_syntax_/err_scope_ script compiles" % path)
        except SyntaxError:
            pass
        return problems
    try:
        tree = ast.parse(source, path)
    except SyntaxError as e:
        return problems + ["%s:%s: does not parse: %s" % (path, e.lineno, e.msg)]
    checker = Checker(path, tree)
    checker.visit(tree)
    return problems + checker.problems


def main():
    paths = sys.argv[1:] or sorted(glob.glob("tests/py/*.py"))
    problems = []
    for path in paths:
        problems.extend(check(path))
    for problem in problems:
        print(problem)
    print("%d scripts checked, %d problems" % (len(paths), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
