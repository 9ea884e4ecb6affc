variable "region" {
  type        = string
  description = "AWS region for every resource of this root, e.g. eu-west-1."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "name" {
  type        = string
  description = "Name prefix of the VPC, the EKS cluster, the database and the IAM roles."
  default     = "loglake"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name must be 2-21 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource (cost allocation, owner)."
  default     = {}
}

# ---- Network ------------------------------------------------------------------------------------

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC. The subnets are carved from it: three /19 private (nodes and pods), three /24 public (load balancers only), three /24 database."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && tonumber(split("/", var.vpc_cidr)[1]) <= 16
    error_message = "vpc_cidr must be a valid IPv4 CIDR of size /16 or larger: the VPC CNI gives every pod a VPC address."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for all zones (cheaper) instead of one per zone (survives the loss of a zone)."
  default     = true
}

# ---- EKS --------------------------------------------------------------------------------------

variable "kubernetes_version" {
  type        = string
  description = "EKS Kubernetes version."
  default     = "1.32"

  validation {
    condition     = can(regex("^1\\.(2[89]|3[0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a supported EKS minor version such as 1.32."
  }
}

variable "cluster_endpoint_public_access_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to reach the EKS API endpoint (your office or VPN). Never 0.0.0.0/0 in production."

  validation {
    condition     = length(var.cluster_endpoint_public_access_cidrs) > 0 && alltrue([for cidr in var.cluster_endpoint_public_access_cidrs : can(cidrhost(cidr, 0))])
    error_message = "cluster_endpoint_public_access_cidrs must be a non-empty list of IPv4 CIDRs."
  }
}

variable "system_node_group" {
  type = object({
    instance_types = list(string)
    min_size       = number
    desired_size   = number
    max_size       = number
  })
  description = "Nodes for the Trino coordinator, the metastore, the loglake jobs and the cluster add-ons."
  default = {
    instance_types = ["m6i.xlarge"] # 4 vCPU, 16 GiB: the coordinator (10 GiB) plus the small pods
    min_size       = 2
    desired_size   = 2
    max_size       = 3
  }

  validation {
    condition     = var.system_node_group.min_size >= 1 && var.system_node_group.min_size <= var.system_node_group.desired_size && var.system_node_group.desired_size <= var.system_node_group.max_size
    error_message = "system_node_group sizes must satisfy 1 <= min_size <= desired_size <= max_size."
  }
}

variable "trino_worker_node_group" {
  type = object({
    instance_types = list(string)
    min_size       = number
    desired_size   = number
    max_size       = number
  })
  description = "Nodes dedicated to Trino workers (tainted), one worker per node. k8s/trino/values.yaml sizes a worker for 4 vCPU / 32 GiB."
  default = {
    instance_types = ["r6i.xlarge"] # 4 vCPU, 32 GiB: one worker with a 20 GB heap
    min_size       = 2
    desired_size   = 2
    max_size       = 4
  }

  validation {
    condition     = var.trino_worker_node_group.min_size >= 1 && var.trino_worker_node_group.min_size <= var.trino_worker_node_group.desired_size && var.trino_worker_node_group.desired_size <= var.trino_worker_node_group.max_size
    error_message = "trino_worker_node_group sizes must satisfy 1 <= min_size <= desired_size <= max_size."
  }
}

# ---- Buckets (config keys lake.raw-bucket, lake.warehouse-bucket, lake.reports-bucket) ------------

variable "raw_bucket" {
  type        = string
  description = "Name of the bucket for raw access logs (lake.raw-bucket). Bucket names are global: add a unique suffix."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.raw_bucket))
    error_message = "raw_bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "warehouse_bucket" {
  type        = string
  description = "Name of the bucket for the Parquet tables (lake.warehouse-bucket)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.warehouse_bucket))
    error_message = "warehouse_bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "reports_bucket" {
  type        = string
  description = "Name of the bucket for rendered reports (lake.reports-bucket)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.reports_bucket))
    error_message = "reports_bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "exchange_bucket" {
  type        = string
  description = "Name of the bucket where Trino's fault-tolerant execution spools task output (transform.retry-policy=task). Only Trino reads and writes it; objects expire after a day."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.exchange_bucket))
    error_message = "exchange_bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "log_source_buckets" {
  type        = list(string)
  description = "Buckets whose logs loglake reads in place (loglake source add): the buckets your ALBs and CloudFront distributions log to. Trino and the jobs may list and read them; nothing is granted to write there."
  default     = []

  validation {
    condition     = alltrue([for bucket in var.log_source_buckets : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", bucket))])
    error_message = "log_source_buckets must hold valid S3 bucket names (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "raw_transition_to_ia_days" {
  type        = number
  description = "Days after which raw log objects move to S3 Standard-IA (they are read once by transform, rarely after)."
  default     = 30

  validation {
    condition     = var.raw_transition_to_ia_days >= 30
    error_message = "raw_transition_to_ia_days must be at least 30: S3 does not allow an earlier move to Standard-IA."
  }
}

variable "raw_expiration_days" {
  type        = number
  description = "Days after which raw log objects are deleted. The Parquet tables keep the parsed data."
  default     = 365

  validation {
    condition     = var.raw_expiration_days > 30
    error_message = "raw_expiration_days must be greater than 30 (the Standard-IA minimum storage duration)."
  }
}

variable "force_destroy_buckets" {
  type        = bool
  description = "Let terraform destroy delete non-empty buckets. Only for throw-away environments."
  default     = false
}

# ---- Metastore database ---------------------------------------------------------------------------

variable "postgres_engine_version" {
  type        = string
  description = "RDS PostgreSQL engine version of the metastore database: the major version only (16), so that RDS applies minor upgrades in the maintenance window and the next plan does not try to downgrade. It must equal the major version in the root pom.xml (postgresql.version), which the local stack runs."
  default     = "16"

  validation {
    condition     = can(regex("^16$", var.postgres_engine_version))
    error_message = "postgres_engine_version must be the major version 16 (the one the local stack and the tests use), without a minor version: RDS upgrades the minor version itself (auto_minor_version_upgrade), and a pinned minor version would make the next plan try a downgrade."
  }
}

variable "db_instance_class" {
  type        = string
  description = "RDS instance class of the metastore database. The metastore's load is small: a burstable class is enough."
  default     = "db.t4g.medium"

  validation {
    condition     = startswith(var.db_instance_class, "db.")
    error_message = "db_instance_class must be an RDS instance class such as db.t4g.medium."
  }
}

variable "db_allocated_storage_gb" {
  type        = number
  description = "Initial gp3 storage of the metastore database in GiB; storage autoscaling may grow it to db_max_allocated_storage_gb."
  default     = 20

  validation {
    condition     = var.db_allocated_storage_gb >= 20
    error_message = "db_allocated_storage_gb must be at least 20 (the gp3 minimum for PostgreSQL)."
  }
}

variable "db_max_allocated_storage_gb" {
  type        = number
  description = "Upper bound of storage autoscaling in GiB."
  default     = 100
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery) of the metastore database."
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 1 and 35: backups stay on."
  }
}

variable "db_multi_az" {
  type        = bool
  description = "Run the metastore database in two zones (doubles its cost)."
  default     = false
}

variable "db_deletion_protection" {
  type        = bool
  description = "Refuse to delete the metastore database. Set to false, apply, then destroy, to remove it on purpose."
  default     = true
}
