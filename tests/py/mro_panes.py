# Panes and mixins: C3 keeps local precedence order and monotonicity.
def names(seq):
    out = []
    for k in seq:
        out.append(k.__name__)
    return out

class Pane:
    def draw(self):
        return "Pane.draw"
class ScrollingMixin:
    def scroll(self):
        return "ScrollingMixin.scroll"
    def draw(self):
        return "ScrollingMixin.draw"
class EditingMixin:
    def edit(self):
        return "EditingMixin.edit"
class ScrollablePane(Pane, ScrollingMixin):
    pass
class EditablePane(Pane, EditingMixin):
    pass
class EditableScrollablePane(ScrollablePane, EditablePane):
    pass

p = EditableScrollablePane()
print(names(EditableScrollablePane.__mro__))
print(p.draw(), p.scroll(), p.edit())
print(names(ScrollablePane.__mro__))
print(names(EditablePane.__mro__))
