"""boto3 against serveS3 (spec S3S-T06), run by boto3.test.ts with the machine's python3.

Reads the endpoint, bucket and key pair from the environment (S3_ENDPOINT, S3_BUCKET,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), does what a Python program does with S3 -- put with
metadata, ranged and conditional get, head, paginated listing (boto3 always asks encoding-type=url),
copy, batch delete, a multipart upload through the transfer manager (concurrent parts, CRC32 by
default), a download, a presigned (SigV4) URL fetched with urllib, and an error -- and prints one
JSON document of what it saw. boto3's defaults are kept: request checksums when supported, response
validation, Expect: 100-continue on bodies.
"""
import hashlib
import io
import json
import os
import sys
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["S3_ENDPOINT"]
bucket = os.environ["S3_BUCKET"]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3v4", retries={"max_attempts": 1}))
seen = {}

s3.put_object(Bucket=bucket, Key="py/hello.txt", Body=b"hello from boto3", ContentType="text/plain", Metadata={"lang": "python"})
got = s3.get_object(Bucket=bucket, Key="py/hello.txt", Range="bytes=6-9")
seen["range"] = [got["ResponseMetadata"]["HTTPStatusCode"], got["ContentRange"], got["Body"].read().decode()]
head = s3.head_object(Bucket=bucket, Key="py/hello.txt")
seen["head"] = [head["ContentLength"], head["ContentType"], head["Metadata"], head["ETag"]]
try:
    s3.get_object(Bucket=bucket, Key="py/hello.txt", IfNoneMatch=head["ETag"])
    seen["not_modified"] = "no error"
except ClientError as error:
    seen["not_modified"] = error.response["Error"]["Code"]

for i in range(5):
    s3.put_object(Bucket=bucket, Key=f"py/many/file {i}+x.txt", Body=f"body {i}".encode())
pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="py/many/", PaginationConfig={"PageSize": 2})
seen["listed"] = [obj["Key"] for page in pages for obj in page.get("Contents", [])]
seen["folders"] = [p["Prefix"] for p in s3.list_objects_v2(Bucket=bucket, Prefix="py/", Delimiter="/").get("CommonPrefixes", [])]

s3.copy_object(Bucket=bucket, Key="py/copy.txt", CopySource={"Bucket": bucket, "Key": "py/hello.txt"})
deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": f"py/many/file {i}+x.txt"} for i in range(3)]})
seen["deleted"] = sorted(d["Key"] for d in deleted["Deleted"])

big = bytes((i * 7) % 251 for i in range(11 * 1024 * 1024))
config = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024, max_concurrency=3)
s3.upload_fileobj(io.BytesIO(big), bucket, "py/big.bin", Config=config)
big_head = s3.head_object(Bucket=bucket, Key="py/big.bin", ChecksumMode="ENABLED")
seen["multipart"] = [big_head["ContentLength"], big_head["ETag"].endswith('-3"'), big_head.get("ChecksumType")]
downloaded = io.BytesIO()
s3.download_fileobj(bucket, "py/big.bin", downloaded, Config=config)
seen["download_md5"] = hashlib.md5(downloaded.getvalue()).hexdigest() == hashlib.md5(big).hexdigest()

url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "py/copy.txt"}, ExpiresIn=300)
with urllib.request.urlopen(url) as response:
    seen["presigned"] = [response.status, response.read().decode()]

try:
    s3.get_object(Bucket=bucket, Key="py/missing.txt")
    seen["missing"] = "no error"
except ClientError as error:
    seen["missing"] = [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]

json.dump(seen, sys.stdout)
