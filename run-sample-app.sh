#!/usr/bin/env bash
# Builds what the sample app needs and starts it. With no bitcoin.rpc.url it runs against a
# built-in simulated node; arguments are passed to the app (e.g. --bitcoin.rpc.url=...).
set -euo pipefail
cd "$(dirname "$0")"
rm -f sample-app/target/sample-app.jar
mvn -B -q -pl sample-app -am package -DskipTests
exec java -jar sample-app/target/sample-app.jar "$@"
