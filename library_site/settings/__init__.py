"""Settings: ``base`` holds what is shared; ``dev``, ``production`` and ``test`` build on it."""
