"""Turn other systems' data into customer360 landing exports (the bring-your-own-exports path)."""
