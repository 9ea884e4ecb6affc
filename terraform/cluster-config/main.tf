# What runs on the EKS cluster of terraform/cloud-infra: the namespace, service accounts bound to the
# IAM roles, configuration and secrets, the cluster add-ons, the Hive Metastore, Trino and the loglake
# jobs. The Kubernetes objects themselves live in k8s/ (one file per object); this root applies them
# with the real image names and the values that cloud-infra produced.

data "terraform_remote_state" "cloud_infra" {
  backend = "s3"
  config = {
    bucket = var.cloud_infra_state_bucket
    key    = var.cloud_infra_state_key
    region = var.cloud_infra_state_region
  }
}

locals {
  namespace        = data.terraform_remote_state.cloud_infra.outputs.namespace
  service_accounts = data.terraform_remote_state.cloud_infra.outputs.service_accounts

  k8s_dir     = "${path.module}/../../k8s"
  trino_chart = yamldecode(file("${local.k8s_dir}/trino/chart-pin.yaml"))

  # k8s/ names its images by placeholder; substitute them the way kustomization.yaml's images: does.
  manifests = {
    for file in [
      "network-policies/default-deny-ingress.yaml",
      "network-policies/hive-metastore-from-trino.yaml",
      "network-policies/trino-from-trino.yaml",
      "network-policies/trino-coordinator-from-load-balancer.yaml",
      "metastore/db-user-job.yaml",
      "metastore/schema-job.yaml",
      "metastore/deployment.yaml",
      "metastore/service.yaml",
      "metastore/pod-disruption-budget.yaml",
      "jobs/generate.yaml",
      "jobs/transform.yaml",
      "jobs/report.yaml",
      "catalog-store/storage-class.yaml",
      "catalog-store/claim.yaml",
    ] :
    file => yamldecode(replace(replace(file(format("%s/%s", local.k8s_dir, file)),
      "image: hive-metastore\n", format("image: %s\n", var.metastore_image)),
    "image: loglake-cli\n", format("image: %s\n", var.cli_image)))
  }

  # A new metastore image gets a new schema Job (Jobs are immutable), so an upgrade runs the schema tool.
  schema_job = merge(local.manifests["metastore/schema-job.yaml"], {
    metadata = merge(local.manifests["metastore/schema-job.yaml"].metadata, {
      name = "hive-metastore-schema-${substr(sha256(var.metastore_image), 0, 10)}"
    })
  })

  # The db-user Job's script: the file kustomization.yaml's configMapGenerator reads too.
  db_user_script = file("${local.k8s_dir}/metastore/db-user/ensure-metastore-user.sh")

  # The db-user Job runs again whenever what it does could change: the image, the script, the database (a new
  # instance has a new master secret) or the role's password. The name carries 10 hex digits of a SHA-256 of
  # them, which tell nothing of a 40-character random password.
  db_user_job = merge(local.manifests["metastore/db-user-job.yaml"], {
    metadata = merge(local.manifests["metastore/db-user-job.yaml"].metadata, {
      name = "hive-metastore-db-user-${nonsensitive(substr(sha256(join("\n", [
        var.metastore_image,
        local.db_user_script,
        data.terraform_remote_state.cloud_infra.outputs.metastore_db_master_secret_arn,
        random_password.metastore_db.result,
      ])), 0, 10))}"
    })
  })

  generate_cronjob = merge(local.manifests["jobs/generate.yaml"], {
    spec = merge(local.manifests["jobs/generate.yaml"].spec, { suspend = !var.enable_generate_schedule })
  })

  # local.manifests, but the coordinator's HTTP port admits the load balancer's subnets: the example CIDRs are
  # replaced with the public subnets of cloud-infra (the file has one ingress rule, made of ipBlocks).
  load_balancer_policy = local.manifests["network-policies/trino-coordinator-from-load-balancer.yaml"]
  manifests_with_load_balancer_cidrs = merge(local.manifests, {
    "network-policies/trino-coordinator-from-load-balancer.yaml" = merge(local.load_balancer_policy, {
      spec = merge(local.load_balancer_policy.spec, {
        ingress = [for rule in local.load_balancer_policy.spec.ingress : merge(rule, {
          from = [for cidr in data.terraform_remote_state.cloud_infra.outputs.public_subnet_cidrs : { ipBlock = { cidr = cidr } }]
        })]
      })
    })
  })

  # Trino's load balancer admits these; the in-cluster jobs come through the NAT gateways.
  trino_inbound_cidrs = concat(var.trino_allowed_cidrs, [for ip in data.terraform_remote_state.cloud_infra.outputs.nat_public_ips : format("%s/32", ip)])

  trino_password_file = join("\n", concat(
    # Terraform's bcrypt hashes are $2a$; Trino accepts the identical $2y$ form only.
    ["${var.loglake_trino_user}:${replace(random_password.loglake_trino.bcrypt_hash, "$2a$", "$2y$")}"],
    [for user, hash in var.trino_user_password_hashes : format("%s:%s", user, hash)],
  ))
}

provider "aws" {
  region = data.terraform_remote_state.cloud_infra.outputs.region
}

data "aws_eks_cluster" "this" {
  name = data.terraform_remote_state.cloud_infra.outputs.cluster_name
}

provider "kubernetes" {
  host                   = data.aws_eks_cluster.this.endpoint
  cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--region", data.terraform_remote_state.cloud_infra.outputs.region, "--cluster-name", data.terraform_remote_state.cloud_infra.outputs.cluster_name]
  }
}

provider "helm" {
  kubernetes {
    host                   = data.aws_eks_cluster.this.endpoint
    cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--region", data.terraform_remote_state.cloud_infra.outputs.region, "--cluster-name", data.terraform_remote_state.cloud_infra.outputs.cluster_name]
    }
  }
}

# ---- Namespace and service accounts (same objects as k8s/namespace.yaml, k8s/serviceaccounts/) -----

resource "kubernetes_namespace_v1" "loglake" {
  # On destroy, Terraform deletes the namespace before the load-balancer controller: deleting the namespace
  # waits for Trino's Ingress to be gone, and only the controller deletes the ALB and removes the Ingress's
  # finalizer. The other order leaves the ALB behind (and the VPC undeletable) and the namespace terminating.
  depends_on = [helm_release.aws_load_balancer_controller]

  metadata {
    name = local.namespace
    labels = {
      "app.kubernetes.io/part-of"          = "loglake"
      "pod-security.kubernetes.io/enforce" = "baseline"
      "pod-security.kubernetes.io/warn"    = "restricted"
      "pod-security.kubernetes.io/audit"   = "restricted"
    }
  }
}

resource "kubernetes_service_account_v1" "workload" {
  for_each = local.service_accounts

  metadata {
    name      = each.value
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
    labels = {
      "app.kubernetes.io/part-of" = "loglake"
    }
    annotations = {
      "eks.amazonaws.com/role-arn" = data.terraform_remote_state.cloud_infra.outputs.workload_role_arns[each.key]
    }
  }
  automount_service_account_token = false
}

# ---- Configuration (same keys as k8s/config/) ---------------------------------------------------------

resource "kubernetes_config_map_v1" "loglake" {
  metadata {
    name      = "loglake-config"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
    labels = {
      "app.kubernetes.io/part-of" = "loglake"
    }
  }
  data = {
    LOGLAKE_TRINO_URL             = "jdbc:trino://${var.trino_hostname}:443?SSL=true"
    LOGLAKE_TRINO_USER            = var.loglake_trino_user
    LOGLAKE_TRINO_CATALOG         = "hive"
    LOGLAKE_S3_REGION             = data.terraform_remote_state.cloud_infra.outputs.region
    LOGLAKE_S3_PATH_STYLE_ACCESS  = "false"
    LOGLAKE_LAKE_RAW_BUCKET       = data.terraform_remote_state.cloud_infra.outputs.raw_bucket
    LOGLAKE_LAKE_WAREHOUSE_BUCKET = data.terraform_remote_state.cloud_infra.outputs.warehouse_bucket
    LOGLAKE_LAKE_REPORTS_BUCKET   = data.terraform_remote_state.cloud_infra.outputs.reports_bucket
    # A lost Trino worker (a node drained, a spot instance reclaimed) does not fail the nightly load: its
    # tasks run again on the others, from the exchange bucket (Trino's values below).
    LOGLAKE_TRANSFORM_RETRY_POLICY = "task"
    # The generate CronJob's volume: it runs plain "generate", which takes its default from here.
    LOGLAKE_GENERATE_EVENTS_PER_DAY = var.generate_events_per_day
  }
}

resource "kubernetes_config_map_v1" "hive_metastore" {
  metadata {
    name      = "hive-metastore-config"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
    labels = {
      "app.kubernetes.io/name"    = "hive-metastore"
      "app.kubernetes.io/part-of" = "loglake"
    }
  }
  data = {
    METASTORE_DB_URL        = data.terraform_remote_state.cloud_infra.outputs.metastore_db_jdbc_url
    METASTORE_DB_USER       = "metastore"
    METASTORE_WAREHOUSE_DIR = "s3a://${data.terraform_remote_state.cloud_infra.outputs.warehouse_bucket}/"
  }
}

# The db-user Job's script and the master secret's ARN (an address, not a secret; the IAM role guards it).
resource "kubernetes_config_map_v1" "metastore_db_user" {
  metadata {
    name      = "hive-metastore-db-user"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
    labels = {
      "app.kubernetes.io/name"    = "hive-metastore-db-user"
      "app.kubernetes.io/part-of" = "loglake"
    }
  }
  data = {
    "ensure-metastore-user.sh" = local.db_user_script
    DB_MASTER_SECRET_ARN       = data.terraform_remote_state.cloud_infra.outputs.metastore_db_master_secret_arn
  }
}

# ---- Secrets (never in the repository; their values live in this root's state) ------------------------
# The RDS master password is not among them: RDS manages it, and only the db-user Job reads it, at run time.

# The password of the metastore's own database role. AWS manages passwords of master users only, so this
# one is generated here (and lives in this state); the db-user Job sets it on the role.
resource "random_password" "metastore_db" {
  length  = 40
  special = false
}

resource "random_password" "loglake_trino" {
  length  = 32
  special = false
}

resource "random_password" "trino_internal_shared_secret" {
  length  = 64
  special = false
}

resource "kubernetes_secret_v1" "hive_metastore_db" {
  metadata {
    name      = "hive-metastore-db"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
  }
  data = {
    password = random_password.metastore_db.result
  }
}

resource "kubernetes_secret_v1" "trino_password_file" {
  metadata {
    name      = "trino-password-file"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
  }
  data = {
    "password.db" = local.trino_password_file
  }
}

resource "kubernetes_secret_v1" "trino_internal" {
  metadata {
    name      = "trino-internal"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
  }
  data = {
    TRINO_INTERNAL_SHARED_SECRET = random_password.trino_internal_shared_secret.result
  }
}

resource "kubernetes_secret_v1" "loglake_trino" {
  metadata {
    name      = "loglake-trino"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
  }
  data = {
    password = random_password.loglake_trino.result
  }
}

# ---- Cluster add-ons ------------------------------------------------------------------------------------

resource "helm_release" "aws_load_balancer_controller" {
  name       = "aws-load-balancer-controller"
  namespace  = "kube-system"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = "1.13.0"
  # Ready pods, not just an installed release: its webhook rejects new Services until they are.
  wait = true

  values = [yamlencode({
    clusterName = data.terraform_remote_state.cloud_infra.outputs.cluster_name
    region      = data.terraform_remote_state.cloud_infra.outputs.region
    vpcId       = data.terraform_remote_state.cloud_infra.outputs.vpc_id
    serviceAccount = {
      name        = "aws-load-balancer-controller"
      annotations = { "eks.amazonaws.com/role-arn" = data.terraform_remote_state.cloud_infra.outputs.load_balancer_controller_role_arn }
    }
  })]
}

resource "helm_release" "metrics_server" {
  name       = "metrics-server"
  namespace  = "kube-system"
  repository = "https://kubernetes-sigs.github.io/metrics-server"
  chart      = "metrics-server"
  version    = "3.12.2"
}

resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  namespace  = "kube-system"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  version    = "9.46.6"

  values = [yamlencode({
    awsRegion     = data.terraform_remote_state.cloud_infra.outputs.region
    autoDiscovery = { clusterName = data.terraform_remote_state.cloud_infra.outputs.cluster_name }
    rbac = {
      serviceAccount = {
        name        = "cluster-autoscaler"
        annotations = { "eks.amazonaws.com/role-arn" = data.terraform_remote_state.cloud_infra.outputs.cluster_autoscaler_role_arn }
      }
    }
  })]
}

# ---- NetworkPolicies (k8s/network-policies/) ---------------------------------------------------------
# Applied before the workloads (the schema Job and Trino depend on them), so that no pod of the namespace
# ever runs without them. Enforced by the VPC CNI (enableNetworkPolicy in terraform/cloud-infra).

resource "kubernetes_manifest" "network_policies" {
  for_each = toset([
    "network-policies/default-deny-ingress.yaml",
    "network-policies/hive-metastore-from-trino.yaml",
    "network-policies/trino-from-trino.yaml",
    "network-policies/trino-coordinator-from-load-balancer.yaml",
  ])

  manifest = local.manifests_with_load_balancer_cidrs[each.key]

  depends_on = [kubernetes_namespace_v1.loglake]
}

# ---- Hive Metastore (k8s/metastore/) ------------------------------------------------------------------

# The metastore's own database role, made by the RDS master before the schema Job needs it.
resource "kubernetes_manifest" "metastore_db_user_job" {
  manifest        = local.db_user_job
  computed_fields = ["metadata.labels", "metadata.annotations", "spec.selector", "spec.template.metadata.labels"]

  wait {
    condition {
      type   = "Complete"
      status = "True"
    }
  }
  timeouts {
    create = "10m"
  }

  depends_on = [
    kubernetes_config_map_v1.hive_metastore,
    kubernetes_config_map_v1.metastore_db_user,
    kubernetes_secret_v1.hive_metastore_db,
    kubernetes_service_account_v1.workload,
    kubernetes_manifest.network_policies,
  ]
}

resource "kubernetes_manifest" "metastore_schema_job" {
  manifest        = local.schema_job
  computed_fields = ["metadata.labels", "metadata.annotations", "spec.selector", "spec.template.metadata.labels"]

  wait {
    condition {
      type   = "Complete"
      status = "True"
    }
  }
  timeouts {
    create = "15m"
  }

  depends_on = [
    kubernetes_config_map_v1.hive_metastore,
    kubernetes_manifest.metastore_db_user_job,
    kubernetes_secret_v1.hive_metastore_db,
    kubernetes_service_account_v1.workload,
    kubernetes_manifest.network_policies,
  ]
}

# Only a Deployment has a rollout to wait for: the kubernetes provider has no rollout status for a
# Service or a PodDisruptionBudget, and a wait on one fails the apply after the object was created (the
# next apply then fails on "already exists").
resource "kubernetes_manifest" "metastore_deployment" {
  manifest = local.manifests["metastore/deployment.yaml"]

  wait {
    rollout = true
  }

  depends_on = [kubernetes_manifest.metastore_schema_job]
}

resource "kubernetes_manifest" "metastore" {
  for_each = toset([
    "metastore/service.yaml",
    "metastore/pod-disruption-budget.yaml",
  ])

  manifest = local.manifests[each.key]

  # The AWS Load Balancer Controller's admission webhook intercepts every new Service and rejects it
  # until the controller's pods are ready; the helm_release waits for them (wait = true).
  depends_on = [
    helm_release.aws_load_balancer_controller,
    kubernetes_manifest.metastore_deployment,
  ]
}

# ---- Trino (official chart, values from k8s/trino/values.yaml) ------------------------------------------

# The coordinator's catalog store: catalogs added at runtime survive its pod. The claim binds when the coordinator
# first mounts it (WaitForFirstConsumer), so nothing here waits for it.
resource "kubernetes_manifest" "trino_catalog_store" {
  for_each = toset([
    "catalog-store/storage-class.yaml",
    "catalog-store/claim.yaml",
  ])

  manifest = local.manifests[each.key]

  depends_on = [kubernetes_namespace_v1.loglake]
}

resource "helm_release" "trino" {
  name       = "trino"
  namespace  = kubernetes_namespace_v1.loglake.metadata[0].name
  repository = local.trino_chart.repository
  chart      = local.trino_chart.chart
  version    = local.trino_chart.version
  timeout    = 900

  values = [
    file("${local.k8s_dir}/trino/values.yaml"),
    yamlencode({
      # Fault-tolerant execution's exchange (the transform asks for retry_policy TASK, LOGLAKE_TRANSFORM_RETRY_POLICY
      # in the loglake-config ConfigMap): the bucket cloud-infra made for it, reached with the pods' IRSA role.
      server = {
        exchangeManager = {
          name    = "filesystem"
          baseDir = ["s3://${data.terraform_remote_state.cloud_infra.outputs.exchange_bucket}"]
        }
      }
      additionalExchangeManagerProperties = [
        "exchange.s3.region=${data.terraform_remote_state.cloud_infra.outputs.region}",
      ]
      # The access-control rules the secure local stack runs too: one file.
      accessControl = {
        rules = { "rules.json" = file("${local.k8s_dir}/trino/access-control-rules.json") }
      }
      ingress = {
        annotations = {
          "alb.ingress.kubernetes.io/certificate-arn" = var.acm_certificate_arn
          "alb.ingress.kubernetes.io/inbound-cidrs"   = join(",", local.trino_inbound_cidrs)
        }
        hosts = [{ host = var.trino_hostname, paths = [{ path = "/", pathType = "Prefix" }] }]
      }
    }),
  ]

  depends_on = [
    helm_release.aws_load_balancer_controller,
    helm_release.metrics_server,
    kubernetes_manifest.metastore,
    kubernetes_manifest.metastore_deployment,
    kubernetes_manifest.network_policies,
    kubernetes_manifest.trino_catalog_store,
    kubernetes_secret_v1.trino_internal,
    kubernetes_secret_v1.trino_password_file,
    kubernetes_service_account_v1.workload,
  ]
}

# Chart 1.40.0 names the coordinator's Ingress after its template trino.coordinator: "<release>-coordinator"
# when the release name starts with the chart name, as "trino" does (deployment-tests checks this name).
data "kubernetes_ingress_v1" "trino" {
  metadata {
    name      = "trino-coordinator"
    namespace = kubernetes_namespace_v1.loglake.metadata[0].name
  }
  depends_on = [helm_release.trino]
}

# ---- loglake jobs (k8s/jobs/) ---------------------------------------------------------------------------

resource "kubernetes_manifest" "jobs" {
  for_each = {
    generate  = local.generate_cronjob
    transform = local.manifests["jobs/transform.yaml"]
    report    = local.manifests["jobs/report.yaml"]
  }

  manifest = each.value

  depends_on = [
    kubernetes_config_map_v1.loglake,
    kubernetes_secret_v1.loglake_trino,
    kubernetes_service_account_v1.workload,
    helm_release.trino,
  ]
}
