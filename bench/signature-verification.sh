#!/usr/bin/env bash
# Signature verification per second: the pki module's verifier on the JVM (JMH) beside OpenSSL on the same machine,
# measured in the same run. Usage: bench/signature-verification.sh   (from anywhere; takes ~3 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Building the benchmark (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package

results=bench/target/signature-verification.csv
echo "JMH: 3 warmup x 2 s, 5 x 2 s, 1 fork, one thread"
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main SignatureVerificationBenchmark \
  -wi 3 -w 2s -i 5 -r 2s -f 1 -t 1 -rf csv -rff "$results" | grep -E "^(Benchmark |SignatureVerification)" || true

echo "OpenSSL: openssl speed -seconds 2 sm2 ecdsap256 rsa2048"
speed=$(openssl speed -seconds 2 sm2 ecdsap256 rsa2048 2>/dev/null)
openssl_sm2=$(echo "$speed" | awk '/SM2 \(CurveSM2\)/ {print $NF}' | tail -1)
openssl_ecdsa=$(echo "$speed" | awk '/ecdsa \(nistp256\)/ {print $NF}' | tail -1)
openssl_rsa=$(echo "$speed" | awk '/^rsa 2048 bits/ {print $NF}' | tail -1)

# score of benchmark method $1 with algorithm $2
jvm() { tr -d '\r"' < "$results" | awk -F, -v m="$1" -v a="$2" '$1 ~ ("\\." m "$") && $NF == a { print $5 }'; }

echo
echo "$(openssl version) | $(java -version 2>&1 | head -1) | $(nproc) cores"
printf "%-12s %16s %18s %8s   %s\n" "algorithm" "JVM verify/s" "OpenSSL verify/s" "ratio" "(JVM, same key object)"
for row in "SM2 SM2 $openssl_sm2" "ECDSA_P256 ECDSA-P256 $openssl_ecdsa" "RSA_2048 RSA-2048 $openssl_rsa"; do
  set -- $row
  j=$(jvm verifyKeyDecodedPerCall "$1")
  cached=$(jvm verifySameKeyObject "$1")
  awk -v name="$2" -v j="$j" -v o="$3" -v c="$cached" 'BEGIN { printf "%-12s %16.0f %18.0f %7.0f%%   (%.0f)\n", name, j, o, (o > 0 ? 100 * j / o : 0), c }'
done
echo "JVM verify/s: the pki verifier with the signer's key decoded per call, as Signatures does per request."
