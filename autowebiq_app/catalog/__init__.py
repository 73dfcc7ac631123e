"""The catalog: site templates and UI components, kept as TOML files and served from MongoDB."""
