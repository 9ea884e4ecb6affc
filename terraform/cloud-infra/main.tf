# The AWS side of loglake: network, EKS, buckets, the metastore database, container registries and
# the IAM roles the workloads assume (IRSA). terraform/cluster-config installs what runs on EKS.

provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, { Project = "loglake", ManagedBy = "terraform" })
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)

  # Kubernetes namespace and service accounts; cluster-config creates them with these names.
  namespace = "loglake"
  service_accounts = {
    trino     = "trino"
    metastore = "hive-metastore"
    jobs      = "loglake-jobs"
  }

  buckets = {
    raw       = var.raw_bucket
    warehouse = var.warehouse_bucket
    reports   = var.reports_bucket
    # Fault-tolerant execution's spooled task output (transform.retry-policy=task): Trino's alone, short-lived.
    exchange = var.exchange_bucket
  }

  # Logs read in place (loglake source add): not the lake's buckets, read only.
  log_source_bucket_arns = [for bucket in var.log_source_buckets : "arn:aws:s3:::${bucket}"]

  # The db-user Job's service account: the only one that may read the RDS-managed master secret.
  db_admin_service_account = "hive-metastore-db-admin"

  db_name = "metastore"
  # The master user administers the database; the metastore has its own role "metastore" (cluster-config).
  # RDS cannot rename a master user: changing this name replaces the database instance.
  db_master_user = "loglake_admin"
}

# ---- Network --------------------------------------------------------------------------------------
# Private /19 subnets (8,190 addresses each) for nodes and pods: the VPC CNI gives every pod a VPC
# address. Public /24 subnets hold only load balancers (tagged for the AWS Load Balancer Controller).
# Database /24 subnets have no route to the internet.

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.21.0"

  name = var.name
  cidr = var.vpc_cidr
  azs  = local.azs

  private_subnets  = [for i in range(3) : cidrsubnet(var.vpc_cidr, 3, i)]       # x.x.0.0/19, /32.0/19, /64.0/19
  public_subnets   = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 96 + i)]  # x.x.96.0/24 ...
  database_subnets = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 100 + i)] # x.x.100.0/24 ...

  create_database_subnet_group           = true
  create_database_subnet_route_table     = true
  create_database_internet_gateway_route = false
  create_database_nat_gateway_route      = false

  enable_nat_gateway     = true
  single_nat_gateway     = var.single_nat_gateway
  one_nat_gateway_per_az = !var.single_nat_gateway
  enable_dns_hostnames   = true
  enable_dns_support     = true

  # Nothing is launched with a public IP by default, even in the public subnets.
  map_public_ip_on_launch = false

  public_subnet_tags = {
    "kubernetes.io/role/elb" = 1
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = 1
  }
}

# S3 traffic of the nodes and pods (Trino's reads and writes, the metastore, the jobs, ECR's image layers)
# goes to S3 by the VPC's routes instead of through the NAT gateway (one for all zones by default): no NAT
# data charge and no NAT bottleneck; a gateway endpoint itself is free. On the private route tables, where
# nodes and pods live; the public subnets hold only load balancers and NAT, the database subnets only RDS.
# No endpoint policy (full access): ECR serves image layers from AWS-owned buckets by this route, and the
# IAM roles and bucket policies already decide who may do what.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = module.vpc.vpc_id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = module.vpc.private_route_table_ids

  tags = {
    Name = "${var.name}-s3"
  }
}

# ---- EKS ------------------------------------------------------------------------------------------

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.37.1"

  cluster_name    = var.name
  cluster_version = var.kubernetes_version

  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.private_subnets
  control_plane_subnet_ids = module.vpc.private_subnets

  cluster_endpoint_public_access       = true
  cluster_endpoint_public_access_cidrs = var.cluster_endpoint_public_access_cidrs
  cluster_endpoint_private_access      = true

  # The identity that runs terraform becomes cluster admin, so that cluster-config can install.
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni = {
      before_compute = true
      # Enforce the NetworkPolicies of k8s/network-policies/ (issue #12): the add-on runs its network policy
      # agent beside aws-node and EKS its controller. Needs VPC CNI 1.14 or newer and Kubernetes 1.25 or newer;
      # the add-on's default version for kubernetes_version (1.28 or newer, see its validation) is newer.
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
    # Provisions the EBS volume of Trino's catalog store (k8s/catalog-store/claim.yaml), so that catalogs added
    # at runtime survive the coordinator's pod. Its controller calls the EC2 API with a role of its own.
    aws-ebs-csi-driver = {
      service_account_role_arn = module.ebs_csi_driver_irsa.iam_role_arn
    }
  }

  # IMDSv2 only, and a hop limit of 1 (the module's default is 2): a pod's packets to 169.254.169.254 take
  # a second hop, so pods cannot borrow the node's IAM role; host-network pods (aws-node with its network
  # policy agent, kube-proxy) still reach IMDS. No pod needs it: loglake's workloads have IRSA roles and
  # AWS_REGION from EKS's webhook, the load balancer controller gets region and vpcId and the cluster
  # autoscaler awsRegion from cluster-config. Every group inherits this; deployment-tests checks none overrides it.
  eks_managed_node_group_defaults = {
    metadata_options = {
      http_endpoint               = "enabled"
      http_tokens                 = "required"
      http_put_response_hop_limit = 1
    }
  }

  eks_managed_node_groups = {
    system = {
      instance_types = var.system_node_group.instance_types
      min_size       = var.system_node_group.min_size
      desired_size   = var.system_node_group.desired_size
      max_size       = var.system_node_group.max_size
      labels = {
        "loglake.dev/pool" = "system"
      }
    }

    # One Trino worker per node; the taint keeps everything else off these nodes.
    trino-workers = {
      instance_types = var.trino_worker_node_group.instance_types
      min_size       = var.trino_worker_node_group.min_size
      desired_size   = var.trino_worker_node_group.desired_size
      max_size       = var.trino_worker_node_group.max_size
      labels = {
        "loglake.dev/pool" = "trino-workers"
      }
      taints = {
        dedicated = {
          key    = "loglake.dev/pool"
          value  = "trino-workers"
          effect = "NO_SCHEDULE"
        }
      }
    }
  }
}

# ---- Buckets --------------------------------------------------------------------------------------

resource "aws_s3_bucket" "lake" {
  for_each = local.buckets

  bucket        = each.value
  force_destroy = var.force_destroy_buckets
}

resource "aws_s3_bucket_public_access_block" "lake" {
  for_each = aws_s3_bucket.lake

  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "lake" {
  for_each = aws_s3_bucket.lake

  bucket = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced" # no ACLs at all
  }
}

# SSE-S3: encrypted at rest without a KMS key whose grants every role would need. Switch to aws:kms
# with a customer key if your policy requires it, and add kms:Decrypt/GenerateDataKey to the roles.
resource "aws_s3_bucket_server_side_encryption_configuration" "lake" {
  for_each = aws_s3_bucket.lake

  bucket = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# The warehouse is versioned: an overwritten or dropped partition can be recovered for 30 days.
resource "aws_s3_bucket_versioning" "warehouse" {
  bucket = aws_s3_bucket.lake["warehouse"].id
  versioning_configuration {
    status = "Enabled"
  }
}

data "aws_iam_policy_document" "tls_only" {
  for_each = aws_s3_bucket.lake

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      each.value.arn,
      "${each.value.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "tls_only" {
  for_each = aws_s3_bucket.lake

  bucket = each.value.id
  policy = data.aws_iam_policy_document.tls_only[each.key].json

  # A bucket policy is only accepted once the public access block is in place.
  depends_on = [aws_s3_bucket_public_access_block.lake]
}

resource "aws_s3_bucket_lifecycle_configuration" "raw" {
  bucket = aws_s3_bucket.lake["raw"].id

  rule {
    id     = "raw-logs-age-out"
    status = "Enabled"
    filter {}

    transition {
      days          = var.raw_transition_to_ia_days
      storage_class = "STANDARD_IA"
    }
    expiration {
      days = var.raw_expiration_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "warehouse" {
  bucket = aws_s3_bucket.lake["warehouse"].id

  rule {
    id     = "old-versions-and-failed-uploads"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.warehouse]
}

# Trino deletes a query's exchange files when the query ends; what a lost coordinator leaves behind is of no use
# to anyone a day later.
resource "aws_s3_bucket_lifecycle_configuration" "exchange" {
  bucket = aws_s3_bucket.lake["exchange"].id

  rule {
    id     = "spooled-task-output-age-out"
    status = "Enabled"
    filter {}

    expiration {
      days = 1
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "reports" {
  bucket = aws_s3_bucket.lake["reports"].id

  rule {
    id     = "failed-uploads"
    status = "Enabled"
    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

# ---- Metastore database -----------------------------------------------------------------------------
# Private (database subnets, reachable only from the EKS nodes), encrypted, backed up, TLS enforced.
# RDS generates the master password and keeps it in a Secrets Manager secret of its own
# (manage_master_user_password): no Terraform state, of this root or of cluster-config, ever holds it.
# The metastore does not log in as the master: the Job k8s/metastore/db-user-job.yaml reads this secret at
# run time (IRSA role metastore_db_admin below) and creates the metastore's own role.

resource "aws_security_group" "metastore_db" {
  name        = "${var.name}-metastore-db"
  description = "PostgreSQL of the Hive Metastore: reachable from the EKS nodes only."
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "metastore_db_from_nodes" {
  security_group_id            = aws_security_group.metastore_db.id
  description                  = "PostgreSQL from EKS nodes and pods"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = module.eks.node_security_group_id
}

resource "aws_db_parameter_group" "metastore" {
  name        = "${var.name}-metastore-pg${split(".", var.postgres_engine_version)[0]}"
  family      = "postgres${split(".", var.postgres_engine_version)[0]}"
  description = "Hive Metastore PostgreSQL: TLS required."

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "metastore" {
  identifier     = "${var.name}-metastore"
  engine         = "postgres"
  engine_version = var.postgres_engine_version
  instance_class = var.db_instance_class

  db_name  = local.db_name
  username = local.db_master_user
  # RDS makes the password and stores it in Secrets Manager (encrypted with the aws/secretsmanager key),
  # and rotates it every 7 days; the db-user Job reads it afresh at each run, so a rotation breaks nothing.
  manage_master_user_password = true
  port                        = 5432

  allocated_storage     = var.db_allocated_storage_gb
  max_allocated_storage = var.db_max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  db_subnet_group_name   = module.vpc.database_subnet_group_name
  vpc_security_group_ids = [aws_security_group.metastore_db.id]
  publicly_accessible    = false
  multi_az               = var.db_multi_az
  parameter_group_name   = aws_db_parameter_group.metastore.name

  backup_retention_period   = var.db_backup_retention_days
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot     = true
  deletion_protection       = var.db_deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-metastore-final"

  # Minor upgrades happen in the maintenance window; engine_version names the major version only, so the
  # plan after such an upgrade has nothing to change. A major upgrade is a deliberate change of
  # postgres_engine_version (and of the root pom's postgresql.version).
  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false

  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

# ---- Container registries ---------------------------------------------------------------------------

resource "aws_ecr_repository" "images" {
  for_each = toset(["hive-metastore", "cli"])

  name                 = "${var.name}/${each.key}"
  image_tag_mutability = "IMMUTABLE" # a tag always means the same image; push a new tag to change it
  # The images are rebuilt from this repository, so terraform destroy may delete a repository with images
  # in it (without this, the destroy stops at "RepositoryNotEmptyException").
  force_delete = true

  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "AES256"
  }
}

# ---- IAM roles for service accounts (IRSA), least privilege per workload -----------------------------

data "aws_iam_policy_document" "trino" {
  statement {
    sid       = "ListLakeBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.lake["warehouse"].arn, aws_s3_bucket.lake["raw"].arn]
  }
  statement {
    sid       = "ReadRawLogs"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.lake["raw"].arn}/*"]
  }
  # Logs read in place (loglake source add): listed to find their days and read, never written.
  dynamic "statement" {
    for_each = length(local.log_source_bucket_arns) > 0 ? [1] : []
    content {
      sid       = "ListLogSources"
      actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
      resources = local.log_source_bucket_arns
    }
  }
  dynamic "statement" {
    for_each = length(local.log_source_bucket_arns) > 0 ? [1] : []
    content {
      sid       = "ReadLogSources"
      actions   = ["s3:GetObject"]
      resources = [for arn in local.log_source_bucket_arns : "${arn}/*"]
    }
  }
  statement {
    sid = "ReadWriteWarehouse"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${aws_s3_bucket.lake["warehouse"].arn}/*"]
  }
  # Fault-tolerant execution (transform.retry-policy=task): every node spools its tasks' output to the exchange
  # bucket and reads what other nodes spooled, and the coordinator removes a query's files when it ends.
  statement {
    sid       = "ListExchange"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.lake["exchange"].arn]
  }
  statement {
    sid = "ReadWriteExchange"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${aws_s3_bucket.lake["exchange"].arn}/*"]
  }
}

data "aws_iam_policy_document" "metastore" {
  statement {
    sid       = "ListLakeBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.lake["warehouse"].arn, aws_s3_bucket.lake["raw"].arn]
  }
  # The metastore checks, creates and (on DROP of a managed table) deletes warehouse locations.
  statement {
    sid       = "ManageWarehouseLocations"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.lake["warehouse"].arn}/*"]
  }
  # CREATE TABLE of the external raw-log table makes the metastore check that its s3:// location
  # exists; reading is enough for that.
  statement {
    sid       = "CheckRawLocations"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.lake["raw"].arn}/*"]
  }
}

# deployment-tests (TestJobsS3Permissions) checks that every S3 call of generate, transform and report is
# allowed here, on the bucket that step uses.
data "aws_iam_policy_document" "jobs" {
  statement {
    sid       = "ListJobBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.lake["raw"].arn, aws_s3_bucket.lake["reports"].arn]
  }
  # loglake generate writes raw logs and its manifests, reads the manifests back on a rerun and deletes
  # the stale objects an earlier run with other settings left. loglake transform lists the raw days and
  # quarantines an unreadable raw object: a copy under quarantine/, then a delete of the original.
  statement {
    sid       = "ReadWriteRawLogs"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.lake["raw"].arn}/*"]
  }
  # Logs read in place (loglake source add): source add and the transform list them to find their days; only
  # Trino reads their objects. Never written.
  dynamic "statement" {
    for_each = length(local.log_source_bucket_arns) > 0 ? [1] : []
    content {
      sid       = "ListLogSources"
      actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
      resources = local.log_source_bucket_arns
    }
  }
  # A generate rerun lists the multipart uploads open in the raw bucket and aborts those a killed run left
  # in the hours it writes (AbortMultipartUpload above).
  statement {
    sid       = "ListOpenUploadsOfRawLogs"
    actions   = ["s3:ListBucketMultipartUploads"]
    resources = [aws_s3_bucket.lake["raw"].arn]
  }
  # loglake report writes the rendered reports and deletes the files of an earlier run that this run no
  # longer writes. transform writes no table itself (Trino does the work), only its writer lease; in the
  # warehouse it also removes what a cut-off run left (below).
  statement {
    sid       = "WriteReports"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.lake["reports"].arn}/*"]
  }
  # The writer lease (one transform at a time per lake): objects under _loglake/leases/ in the warehouse
  # bucket, created with If-None-Match: * and deleted once superseded.
  statement {
    sid       = "ListWriterLease"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.lake["warehouse"].arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["_loglake/leases/*"]
    }
  }
  statement {
    sid       = "WriterLease"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.lake["warehouse"].arn}/_loglake/leases/*"]
  }
  # Before it writes a day of a staging or marts table, loglake transform lists that day's partition folder and
  # deletes the files a run cut off between writing them and registering the partition left there (the metastore
  # never registered them, and Trino would read them beside the new ones). The jobs drop and rewrite those tables
  # through Trino anyway, and the warehouse is versioned: a delete without a version id leaves a delete marker,
  # and the file can be restored for 30 days. Nothing is granted outside the two schemas' folders.
  statement {
    sid       = "ListTableFolders"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.lake["warehouse"].arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["staging/*", "marts/*"]
    }
  }
  statement {
    sid     = "RemoveOrphanPartitionFiles"
    actions = ["s3:DeleteObject"]
    resources = [
      "${aws_s3_bucket.lake["warehouse"].arn}/staging/*",
      "${aws_s3_bucket.lake["warehouse"].arn}/marts/*",
    ]
  }
}

resource "aws_iam_policy" "workload" {
  for_each = {
    trino     = data.aws_iam_policy_document.trino.json
    metastore = data.aws_iam_policy_document.metastore.json
    jobs      = data.aws_iam_policy_document.jobs.json
  }

  name        = "${var.name}-${each.key}-s3"
  description = "S3 access of the ${var.name} ${each.key} workload."
  policy      = each.value
}

module "workload_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  for_each = local.service_accounts

  role_name = "${var.name}-${each.key}"
  role_policy_arns = {
    s3 = aws_iam_policy.workload[each.key].arn
  }
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["${local.namespace}:${each.value}"]
    }
  }
}

# The db-user Job (k8s/metastore/db-user-job.yaml) reads the master credentials at run time, and only them. The
# RDS-managed secret is encrypted with the aws/secretsmanager key, whose key policy lets Secrets Manager decrypt
# for any principal of the account allowed GetSecretValue: no KMS statement is needed.
data "aws_iam_policy_document" "metastore_db_admin" {
  statement {
    sid       = "ReadDatabaseMasterSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_db_instance.metastore.master_user_secret[0].secret_arn]
  }
}

resource "aws_iam_policy" "metastore_db_admin" {
  name        = "${var.name}-metastore-db-admin"
  description = "Read the ${var.name} metastore database's RDS-managed master secret (db-user Job only)."
  policy      = data.aws_iam_policy_document.metastore_db_admin.json
}

module "metastore_db_admin_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name = "${var.name}-metastore-db-admin"
  role_policy_arns = {
    master_secret = aws_iam_policy.metastore_db_admin.arn
  }
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["${local.namespace}:${local.db_admin_service_account}"]
    }
  }
}

# Cluster add-ons that need AWS APIs: the AWS Load Balancer Controller (the ALB in front of Trino)
# and the cluster autoscaler (adds worker nodes when the Trino worker autoscaler asks for pods).
module "load_balancer_controller_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name                              = "${var.name}-aws-load-balancer-controller"
  attach_load_balancer_controller_policy = true
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}

# The EBS CSI driver's controller (the add-on's service account) creates, attaches and deletes EBS volumes.
module "ebs_csi_driver_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name             = "${var.name}-ebs-csi-driver"
  attach_ebs_csi_policy = true
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:ebs-csi-controller-sa"]
    }
  }
}

module "cluster_autoscaler_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name                        = "${var.name}-cluster-autoscaler"
  attach_cluster_autoscaler_policy = true
  cluster_autoscaler_cluster_names = [module.eks.cluster_name]
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:cluster-autoscaler"]
    }
  }
}
