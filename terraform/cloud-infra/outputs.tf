output "region" {
  description = "AWS region of this deployment."
  value       = var.region
}

output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = module.eks.cluster_name
}

output "kubeconfig_command" {
  description = "Run this to point kubectl at the new cluster."
  value       = "aws eks update-kubeconfig --region ${var.region} --name ${module.eks.cluster_name}"
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.vpc.vpc_id
}

output "public_subnet_cidrs" {
  description = "CIDRs of the public subnets, where the Trino load balancer's nodes live: the NetworkPolicy of Trino's coordinator admits them."
  value       = module.vpc.public_subnets_cidr_blocks
}

output "nat_public_ips" {
  description = "Public addresses of the NAT gateways: in-cluster jobs reach the Trino load balancer from these."
  value       = module.vpc.nat_public_ips
}

output "namespace" {
  description = "Kubernetes namespace that the IAM roles trust (cluster-config creates it)."
  value       = local.namespace
}

output "service_accounts" {
  description = "Kubernetes service account names per workload, as trusted by the IAM roles (db_admin: the db-user Job)."
  value       = merge(local.service_accounts, { db_admin = local.db_admin_service_account })
}

output "workload_role_arns" {
  description = "IAM role ARN per workload (trino, metastore, jobs, db_admin), for the eks.amazonaws.com/role-arn annotations."
  value = merge(
    { for workload, role in module.workload_irsa : workload => role.iam_role_arn },
    { db_admin = module.metastore_db_admin_irsa.iam_role_arn },
  )
}

output "load_balancer_controller_role_arn" {
  description = "IAM role of the AWS Load Balancer Controller."
  value       = module.load_balancer_controller_irsa.iam_role_arn
}

output "cluster_autoscaler_role_arn" {
  description = "IAM role of the cluster autoscaler."
  value       = module.cluster_autoscaler_irsa.iam_role_arn
}

output "raw_bucket" {
  description = "Bucket for raw logs (lake.raw-bucket)."
  value       = aws_s3_bucket.lake["raw"].bucket
}

output "warehouse_bucket" {
  description = "Bucket for the Parquet tables (lake.warehouse-bucket)."
  value       = aws_s3_bucket.lake["warehouse"].bucket
}

output "reports_bucket" {
  description = "Bucket for reports (lake.reports-bucket)."
  value       = aws_s3_bucket.lake["reports"].bucket
}

output "exchange_bucket" {
  description = "Bucket of Trino's fault-tolerant execution (exchange.base-directories)."
  value       = aws_s3_bucket.lake["exchange"].bucket
}

output "metastore_db_jdbc_url" {
  description = "JDBC URL of the metastore database: TLS (required by the parameter group), the server's certificate verified against the RDS CA bundle of the metastore image and its host name checked."
  value       = "jdbc:postgresql://${aws_db_instance.metastore.address}:${aws_db_instance.metastore.port}/${local.db_name}?sslmode=verify-full&sslrootcert=/opt/rds-ca/global-bundle.pem"
}

output "metastore_db_master_secret_arn" {
  description = "The Secrets Manager secret RDS manages with the master credentials of the metastore database (JSON: username, password). Only the db-user Job reads it, at run time."
  value       = aws_db_instance.metastore.master_user_secret[0].secret_arn
}

output "ecr_repository_urls" {
  description = "ECR repositories to push the two images to (hive-metastore, cli)."
  value       = { for name, repository in aws_ecr_repository.images : name => repository.repository_url }
}
