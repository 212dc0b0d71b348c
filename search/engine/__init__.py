"""The local OpenSearch node: resolved from Maven Central, run on a Temurin JDK, bound to loopback."""
