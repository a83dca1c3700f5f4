"""Benchmark helpers: a deterministic synthetic corpus to measure explorer at scale."""
