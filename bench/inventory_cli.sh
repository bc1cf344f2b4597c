#!/usr/bin/env bash
# The peer of bench/inventory: a plain aws CLI script that reads the same inventory one call per
# `aws` process, region after region. Writes each response to OUT.
#
#   inventory_cli.sh OUT FULL     (FULL=1: also the per-bucket, per-user and per-file-system calls)
set -euo pipefail
out="$1"
full="${2:-0}"
mkdir -p "$out"
aws sts get-caller-identity >"$out/sts.json"
regions=$(aws ec2 describe-regions --query 'Regions[].RegionName' --output text)
for r in $regions; do
  aws ec2 describe-instances --region "$r" >"$out/instances-$r.json"
  aws ec2 describe-volumes --region "$r" >"$out/volumes-$r.json"
  aws ec2 describe-snapshots --owner-ids self --region "$r" >"$out/snapshots-$r.json"
  aws ec2 describe-addresses --region "$r" >"$out/addresses-$r.json"
  aws efs describe-file-systems --region "$r" >"$out/efs-$r.json"
  if [ "$full" = 1 ]; then
    for fs in $(python3 -c 'import json,sys; print(" ".join(f["FileSystemId"] for f in json.load(open(sys.argv[1]))["FileSystems"]))' "$out/efs-$r.json"); do
      aws efs describe-lifecycle-configuration --file-system-id "$fs" --region "$r" >/dev/null
    done
  fi
done
aws s3api list-buckets >"$out/buckets.json"
aws iam generate-credential-report >/dev/null
aws iam get-credential-report >"$out/credential-report.json"
aws iam get-account-authorization-details >"$out/iam-details.json"
if [ "$full" = 1 ]; then
  for b in $(python3 -c 'import json,sys; print(" ".join(b["Name"] for b in json.load(open(sys.argv[1]))["Buckets"]))' "$out/buckets.json"); do
    aws s3api get-bucket-location --bucket "$b" >/dev/null
    aws s3api get-bucket-tagging --bucket "$b" >/dev/null 2>&1 || true
    aws s3api get-public-access-block --bucket "$b" >/dev/null 2>&1 || true
    aws s3api get-bucket-versioning --bucket "$b" >/dev/null
    aws s3api get-bucket-policy --bucket "$b" >/dev/null 2>&1 || true
    aws s3api get-bucket-acl --bucket "$b" >/dev/null
  done
  for u in $(python3 -c 'import base64,csv,io,json,sys
rows = csv.DictReader(io.StringIO(base64.b64decode(json.load(open(sys.argv[1]))["Content"]).decode()))
print(" ".join(r["user"] for r in rows if "true" in (r["access_key_1_active"], r["access_key_2_active"])))' "$out/credential-report.json"); do
    aws iam list-access-keys --user-name "$u" >/dev/null
  done
fi
