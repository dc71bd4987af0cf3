#!/usr/bin/env bash
# Prints an internal JWT (RS256) as the gateway would mint it, signed with devstack's private key, so the bench
# can call a service directly and compare with the same call through the gateway.
# Usage: mint-internal-jwt.sh <private key pem> <org id> <user id>
set -euo pipefail
key="$1" org="$2" user="$3"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"leadline-gateway","aud":"leadline-internal","sub":"%s","org_id":"%s","role":"admin","scope":"all.full_access","name":"Bench User","groups":["user"],"iat":%d,"exp":%d}' \
  "$user" "$org" "$now" "$((now + 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
