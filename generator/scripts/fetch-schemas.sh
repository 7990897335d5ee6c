#!/usr/bin/env bash
# `npm run schemas:fetch`: downloads the pinned upstream CRD and Kubernetes OpenAPI files listed in
# schema-sources.tsv into .cache/crds (git-ignored), for machines without ../shared/crds. Needs internet
# access to GitHub; it cannot run in the offline lab sandbox, where the gate reads ../shared/crds instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=.cache/crds
mkdir -p "$dest"
grep -v '^#' generator/scripts/schema-sources.tsv | while IFS=$'\t' read -r file repo commit path; do
  [ -n "$file" ] || continue
  mkdir -p "$dest/$(dirname "$file")"
  echo "schemas:fetch: $repo@${commit:0:8} $path"
  curl --fail --silent --show-error --location --retry 3 \
    "https://raw.githubusercontent.com/$repo/$commit/$path" -o "$dest/$file.part"
  mv "$dest/$file.part" "$dest/$file"
done
echo "schemas:fetch: done; the validation gate now reads $dest"
