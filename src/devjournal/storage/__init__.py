"""Storage: SQLAlchemy over one SQLite file, Alembic migrations, repositories."""
