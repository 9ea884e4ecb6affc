output "trino_endpoint" {
  description = "HTTPS endpoint of Trino for DBeaver and the trino CLI (user/password authentication)."
  value       = "https://${var.trino_hostname}"
}

output "trino_jdbc_url" {
  description = "JDBC URL for DBeaver and other JDBC clients."
  value       = "jdbc:trino://${var.trino_hostname}:443?SSL=true"
}

output "trino_load_balancer_hostname" {
  description = "DNS name of the Trino load balancer: create a CNAME (or Route 53 alias) from trino_hostname to it."
  value       = try(data.kubernetes_ingress_v1.trino.status[0].load_balancer[0].ingress[0].hostname, "(not provisioned yet; run terraform apply again in a minute)")
}

output "loglake_trino_user" {
  description = "Trino user of the loglake jobs."
  value       = var.loglake_trino_user
}

output "loglake_trino_password" {
  description = "Generated password of the loglake Trino user (terraform output -raw loglake_trino_password)."
  value       = random_password.loglake_trino.result
  sensitive   = true
}

output "metastore_schema_job" {
  description = "Name of the Job that prepared the metastore schema for the current image (kubectl -n loglake logs job/<name>)."
  value       = local.schema_job.metadata.name
}
