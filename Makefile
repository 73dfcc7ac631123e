.PHONY: run test setup migrate worker lint

run:        ## set up and start the whole app
	scripts/run.sh

test:       ## set up and run every test
	scripts/test.sh

setup:
	scripts/setup.sh --test

migrate:
	.venv/bin/autowebiq migrate

worker:
	.venv/bin/python -m dramatiq workers.builds --processes 1 --threads 2
