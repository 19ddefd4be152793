"""Read and validate content/: safe files and YAML, the schema, the model, the reference."""
