terraform {
  # 1.6 for the test-friendly validation functions used here; below 2.0 until it exists and is tested.
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # terraform-aws-modules/eks 20.37 needs >= 5.95; 6.x is a major upgrade of its own.
      version = "~> 5.100"
    }
  }

  # State in S3 (partial configuration): pass bucket, key and region at init, see
  # docs/deploy-aws.md. cluster-config reads this state's outputs with terraform_remote_state.
  backend "s3" {}
}
