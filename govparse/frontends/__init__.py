"""Front-ends: one package a source format, each turning its input into a Document."""
