"""The generic projection runner, below every feature: it folds the log into any `Projection`."""
