terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.37"
    }
    helm = {
      source = "hashicorp/helm"
      # 3.x changes the provider's block syntax; stay on 2.x until this root is migrated.
      version = "~> 2.17"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  # State in S3 (partial configuration, like cloud-infra but another key); see docs/deploy-aws.md.
  # This state holds the Kubernetes Secrets' values: keep the bucket encrypted and private.
  backend "s3" {}
}
