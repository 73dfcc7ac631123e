"""Infrastructure every layer stands on: settings (`config`), PostgreSQL (`db`), Redis
(`redis_client`) and MongoDB (`mongo`)."""
