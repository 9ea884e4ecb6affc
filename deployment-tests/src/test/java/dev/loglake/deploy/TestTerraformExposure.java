package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTerraformExposure {
    @Test
    void databaseAndBucketsAreNotPublic() {
        TerraformRoot cloudInfra = TerraformRoot.load("terraform/cloud-infra");

        assertThat(cloudInfra.resources("aws_db_instance")).containsKey("metastore");
        assertThat(cloudInfra.resources("aws_s3_bucket")).containsKey("lake");
        assertThat(TerraformRules.exposureProblems(cloudInfra)).isEmpty();
    }

    @Test
    void publicDatabaseAndUnblockedBucketAreReported() {
        TerraformRoot root = TerraformRoot.of(
                "example",
                """
                resource "aws_db_instance" "db" {
                  publicly_accessible = true
                  storage_encrypted   = true
                  deletion_protection = true
                }
                resource "aws_s3_bucket" "logs" {
                  bucket = "logs"
                }
                resource "aws_s3_bucket" "other" {
                  bucket = "other"
                }
                resource "aws_s3_bucket_public_access_block" "logs" {
                  bucket                  = aws_s3_bucket.logs.id
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = false
                }
                """);

        assertThat(TerraformRules.exposureProblems(root))
                .containsExactlyInAnyOrder(
                        "example: aws_db_instance.db must set publicly_accessible = false",
                        "example: aws_s3_bucket_public_access_block.logs must set restrict_public_buckets = true",
                        "example: aws_s3_bucket.other has no aws_s3_bucket_public_access_block");
    }
}
