"""`python -m models.guard`: the screening command's old name, kept as an alias of `python -m safety screen`."""

if __name__ == "__main__":
    from safety.__main__ import main

    main(["screen"])
