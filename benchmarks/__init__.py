"""empathkit's benchmark suite: ``python -m benchmarks [--quick | --smoke]``."""
