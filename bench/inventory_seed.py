#!/usr/bin/env python3
"""Seeds a moto server with a large lab account for bench/inventory.

    inventory_seed.py ENDPOINT

15 regions, 2,150 instances (each with a root volume and a data volume: moto creates one volume
per block-device mapping, so RunInstances with MaxCount=100 seeds 200 volumes per call), 300
unattached volumes, snapshots, Elastic IPs (some idle), EFS file systems, 330 S3 buckets spread
over the regions (a third tagged, a quarter versioned, nine in ten with the public-access block
S3 sets by default, a few with an object), 220 IAM users (half with access keys, a fifth with
console passwords). Uses boto3, which comes with moto. Fake credentials.
"""
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

ENDPOINT = sys.argv[1]
# Instances per region: uneven on purpose, so that one region is the critical path.
INSTANCES = {
    "us-east-1": 450, "us-west-2": 250, "eu-west-1": 200, "eu-central-1": 150, "ap-southeast-2": 150,
    "ap-northeast-1": 100, "us-east-2": 100, "us-west-1": 100, "eu-west-2": 100, "eu-north-1": 100,
    "ap-southeast-1": 100, "ap-south-1": 100, "ca-central-1": 100, "sa-east-1": 100, "eu-west-3": 50,
}
TYPES = ["t3.medium", "m6i.large", "c6i.xlarge", "r6i.large", "g4dn.xlarge", "t3a.small"]
OWNERS = ["alice", "bob", "carol", "dave", "erin", "frank"]
AMI = "ami-0abcdef1234567890"
BUCKETS = 330
USERS = 220

session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing")


def client(service, region="us-east-1"):
    return session.client(service, region_name=region, endpoint_url=ENDPOINT)


def tags(i, kind):
    owner = OWNERS[i % len(OWNERS)]
    return [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": f"{owner}-{kind}-{i}"},
                                            {"Key": "Owner", "Value": owner},
                                            {"Key": "Project", "Value": ["genomics", "imaging", "climate"][i % 3]}]}]


def seed_region(region):
    ec2 = client("ec2", region)
    az = region + "a"
    ids = []
    left = INSTANCES[region]
    batch = 0
    while left > 0:
        n = min(100, left)
        r = ec2.run_instances(ImageId=AMI, MinCount=n, MaxCount=n, InstanceType=TYPES[batch % len(TYPES)],
                              KeyName=OWNERS[batch % len(OWNERS)] + "-key", Placement={"AvailabilityZone": az},
                              BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 8, "VolumeType": "gp3"}},
                                                   {"DeviceName": "/dev/sdf",
                                                    "Ebs": {"VolumeSize": 100 + 50 * (batch % 4), "VolumeType": "gp3"}}],
                              TagSpecifications=tags(batch, "instance"))
        ids += [i["InstanceId"] for i in r["Instances"]]
        left -= n
        batch += 1
    ec2.stop_instances(InstanceIds=ids[::7])  # every 7th stopped
    vols = []
    for i in range(20):
        v = ec2.create_volume(Size=50 + 10 * i, AvailabilityZone=az, VolumeType=["gp3", "gp2", "io2", "st1"][i % 4],
                              **({"Iops": 4000} if i % 4 == 2 else {}), TagSpecifications=tags(i, "volume"))
        vols.append(v["VolumeId"])
    for v in vols[:5]:
        ec2.create_snapshot(VolumeId=v, Description="nightly", TagSpecifications=tags(0, "snapshot"))
    for i in range(6):
        a = ec2.allocate_address(Domain="vpc")
        if i % 2 == 0:
            ec2.associate_address(AllocationId=a["AllocationId"], InstanceId=ids[i])
    efs = client("efs", region)
    for i in range(2):
        efs.create_file_system(CreationToken=f"{region}-fs-{i}", PerformanceMode="generalPurpose",
                               Tags=[{"Key": "Name", "Value": f"shared-{i}"}, {"Key": "Owner", "Value": OWNERS[i]}])
    return region, len(ids)


def seed_bucket(i):
    region = list(INSTANCES)[i % len(INSTANCES)]
    s3 = client("s3", region)
    name = f"lab-bench-{i:04d}-{region}"
    if region == "us-east-1":
        s3.create_bucket(Bucket=name)
    else:
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
    if i % 3 == 0:
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "Owner", "Value": OWNERS[i % len(OWNERS)]}]})
    if i % 4 == 0:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    # S3 turns the public-access block on for every new bucket (since April 2023); moto does not,
    # so the seed does, except on every tenth bucket, which the lab opened.
    if i % 10 != 0:
        s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    if i % 10 == 1:
        s3.put_object(Bucket=name, Key="README.txt", Body=b"lab data\n")


def seed_user(i):
    iam = client("iam")
    name = f"user{i:03d}"
    iam.create_user(UserName=name, Tags=[{"Key": "Email", "Value": f"{name}@lab.example.org"}])
    if i % 2 == 0:
        iam.create_access_key(UserName=name)
    if i % 5 == 0:
        iam.create_login_profile(UserName=name, Password="Not-a-real-password-1!")


def main():
    with ThreadPoolExecutor(4) as pool:
        done = list(pool.map(seed_region, INSTANCES))
        list(pool.map(seed_bucket, range(BUCKETS)))
        list(pool.map(seed_user, range(USERS)))
    instances = sum(n for _, n in done)
    print(f"seeded {len(done)} regions, {instances} instances, {2 * instances + 20 * len(done)} volumes, "
          f"{BUCKETS} buckets, {USERS} IAM users", file=sys.stderr)


if __name__ == "__main__":
    main()
