variable "cloud_infra_state_bucket" {
  type        = string
  description = "S3 bucket that holds the state of terraform/cloud-infra."
}

variable "cloud_infra_state_key" {
  type        = string
  description = "Key of the cloud-infra state object in that bucket."
  default     = "loglake/cloud-infra.tfstate"
}

variable "cloud_infra_state_region" {
  type        = string
  description = "Region of the state bucket."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.cloud_infra_state_region))
    error_message = "cloud_infra_state_region must be an AWS region name such as eu-west-1."
  }
}

variable "metastore_image" {
  type        = string
  description = "Image of hive-metastore/docker/ in ECR, with an explicit tag, e.g. 111122223333.dkr.ecr.eu-west-1.amazonaws.com/loglake/hive-metastore:4.0.1-1."

  validation {
    condition     = can(regex("^[^:@]+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})(@sha256:[a-f0-9]{64})?$", var.metastore_image)) && !endswith(var.metastore_image, ":latest")
    error_message = "metastore_image must name an explicit tag other than latest (optionally with @sha256:digest)."
  }
}

variable "cli_image" {
  type        = string
  description = "Image of cli/docker/ in ECR, with an explicit tag, e.g. 111122223333.dkr.ecr.eu-west-1.amazonaws.com/loglake/cli:0.1.0."

  validation {
    condition     = can(regex("^[^:@]+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})(@sha256:[a-f0-9]{64})?$", var.cli_image)) && !endswith(var.cli_image, ":latest")
    error_message = "cli_image must name an explicit tag other than latest (optionally with @sha256:digest)."
  }
}

variable "trino_hostname" {
  type        = string
  description = "DNS name clients use for Trino (DBeaver, the loglake jobs); the ACM certificate must cover it. Point a CNAME at the output trino_load_balancer_hostname."

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$", var.trino_hostname))
    error_message = "trino_hostname must be a fully qualified DNS name such as trino.example.com."
  }
}

variable "acm_certificate_arn" {
  type        = string
  description = "ACM certificate for trino_hostname, in the cluster's region; TLS ends at the load balancer with it."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.acm_certificate_arn))
    error_message = "acm_certificate_arn must be an ACM certificate ARN."
  }
}

variable "trino_allowed_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to reach the Trino load balancer (offices, VPN). The NAT gateways' addresses are added for the in-cluster jobs."

  validation {
    condition     = length(var.trino_allowed_cidrs) > 0 && alltrue([for cidr in var.trino_allowed_cidrs : can(cidrhost(cidr, 0)) && cidr != "0.0.0.0/0"])
    error_message = "trino_allowed_cidrs must be a non-empty list of IPv4 CIDRs, without 0.0.0.0/0."
  }
}

variable "trino_user_password_hashes" {
  type        = map(string)
  description = "Extra Trino users for people (DBeaver): user name to bcrypt hash ($2y$, cost >= 8; htpasswd -nbB -C 10 USER PASSWORD). The loglake jobs' user is generated."
  default     = {}
  sensitive   = true

  validation {
    condition     = alltrue([for user, hash in var.trino_user_password_hashes : can(regex("^[a-z][a-z0-9_.-]*$", user)) && startswith(hash, "$2y$")])
    error_message = "trino_user_password_hashes must map lower-case user names to bcrypt hashes starting with $2y$."
  }
}

variable "loglake_trino_user" {
  type        = string
  description = "Trino user the loglake jobs run as (trino.user)."
  default     = "loglake"
}

variable "enable_generate_schedule" {
  type        = bool
  description = "Run loglake generate every night (synthetic demo logs). Off: the CronJob stays suspended."
  default     = false
}

variable "generate_events_per_day" {
  type        = number
  description = "Average valid events per day the generate CronJob writes (generate.events-per-day)."
  default     = 1000000

  validation {
    condition     = var.generate_events_per_day >= 0 && var.generate_events_per_day <= 10000000000 && floor(var.generate_events_per_day) == var.generate_events_per_day
    error_message = "generate_events_per_day must be a whole number from 0 to 10000000000."
  }
}
