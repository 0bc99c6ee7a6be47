"""One module per subcommand; `cli` discovers them. See cli.py for the module contract."""
