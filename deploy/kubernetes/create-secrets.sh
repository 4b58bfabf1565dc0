#!/usr/bin/env bash
# Creates the Secrets that the catalog's manifests reference and that no operator generates,
# with random values (nothing is written to disk or to git). Idempotent: an existing Secret is
# left alone (delete it first to rotate; see docs/operations.md, "Rotating secrets").
#
#   deploy/kubernetes/create-secrets.sh [NAMESPACE]            # default namespace: imaging-catalog
#
# The database credentials are NOT made here: CloudNativePG generates <cluster>-app for each
# cluster, and the Keycloak operator generates keycloak-initial-admin.
# The backup credentials (production) come from your object store:
#   kubectl -n NAMESPACE create secret generic catalog-backup-s3 \
#     --from-literal=ACCESS_KEY_ID=... --from-literal=ACCESS_SECRET_KEY=...
set -euo pipefail
ns="${1:-imaging-catalog}"

rand() { openssl rand -base64 48 | tr -d '\n/+=' | cut -c1-48; }

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

create() { # name key...
  local name="$1"; shift
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, left alone"
    return
  fi
  local args=()
  for key in "$@"; do args+=("--from-literal=$key=$(rand)"); done
  kubectl -n "$ns" create secret generic "$name" "${args[@]}"
  kubectl -n "$ns" label secret "$name" app.kubernetes.io/part-of=imaging-data-catalog >/dev/null
}

# OIDC client secrets: read by the services and by the KeycloakRealmImport (placeholders).
create catalog-oidc-clients curation-client-secret submission-client-secret
# Signing keys of the CSRF tokens in the services' HTML forms.
create catalog-csrf-keys curation-csrf-key submission-csrf-key
# Key that seals the tracking tokens decision mails link to (submission-service).
create catalog-link-keys submission-link-key
