"""(layer docstring to be written)"""
