# An uncaught AttributeError raised a few calls deep.
class Account:
    def __init__(self, owner):
        self.owner = owner

def show(account):
    print("owner:", account.owner)
    return account.balance_in_cents

def report(accounts):
    for a in accounts:
        show(a)

print("starting report")
report([Account("ann"), Account("bob")])
print("not reached")
