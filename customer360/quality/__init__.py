"""Data quality: Great Expectations suites built in code (imported lazily: GX takes ~5 s to import)."""
