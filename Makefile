# The two commands of the README, plus the pieces they are made of.
.PHONY: run test build setup bench fmt lint

run:    ## install what is missing, build, serve on SQLite in ./data
	scripts/run.sh

test:   ## every test: unit, integration (SQLite + PostgreSQL), Playwright
	scripts/test.sh

build:
	scripts/setup.sh && scripts/build.sh

setup:
	scripts/setup.sh test

bench:  ## load benchmarks: users API, live connections, login storm, cold page loads, OpenID Connect, forward auth (see bench/README.md)
	bench/run.sh
	bench/live.sh
	bench/login-storm.sh
	bench/cold-load.sh
	bench/oidc.sh
	bench/forward_auth.sh

lint:
	PATH=/usr/bin:$$PATH cargo fmt --check
	PATH=/usr/bin:$$PATH cargo clippy --features ssr -- -D warnings
	PATH=/usr/bin:$$PATH cargo clippy --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings
