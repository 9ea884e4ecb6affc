package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestDockerfiles {
    @Test
    void projectDockerfilesPassTheLint() {
        for (String file : List.of("hive-metastore/docker/Dockerfile", "cli/docker/Dockerfile")) {
            assertThat(DockerfileLinter.problems(RepositoryFiles.read(file), file))
                    .as(file)
                    .isEmpty();
        }
    }

    @Test
    void metastoreImageVerifiesEveryDownloadAndUsesTheEntrypoint() {
        String dockerfile = RepositoryFiles.read("hive-metastore/docker/Dockerfile");

        assertThat(dockerfile)
                .contains("sha256sum --check --strict")
                .contains("COPY metastore-jars.txt")
                .contains("ENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\"]");
        assertThat(RepositoryFiles.read("hive-metastore/docker/docker-entrypoint.sh"))
                .startsWith("#!/usr/bin/env bash\n")
                .contains("set -euo pipefail");
    }

    @Test
    void unpinnedBaseImagesAreRejected() {
        assertThat(DockerfileLinter.problems("FROM ubuntu\nUSER 1000\n", "a"))
                .containsExactly("a:1: base image ubuntu has no tag; pin an exact tag or a digest");
        assertThat(DockerfileLinter.problems("FROM registry.example:5000/team/ubuntu:latest\nUSER 1000\n", "b"))
                .containsExactly("b:1: base image registry.example:5000/team/ubuntu:latest uses the tag 'latest'; "
                        + "pin an exact tag or a digest");
        assertThat(DockerfileLinter.problems("ARG BASE=ubuntu:latest\nFROM ${BASE}\nUSER 1000\n", "c"))
                .containsExactly("c:2: base image ubuntu:latest uses the tag 'latest'; pin an exact tag or a digest");
    }

    @Test
    void rootFinalStageIsRejectedButABuildStageMayBeRoot() {
        assertThat(DockerfileLinter.problems("FROM ubuntu:24.04\nRUN make\n", "a"))
                .containsExactly("a: the final stage runs as root: it has no USER instruction");
        assertThat(DockerfileLinter.problems("FROM ubuntu:24.04\nUSER app\nUSER root:root\n", "b"))
                .containsExactly("b: the final stage runs as root (USER root:root)");
        assertThat(DockerfileLinter.problems(
                        "FROM maven:3.9.9 AS build\nRUN mvn package\nFROM build AS again\nFROM ubuntu:24.04\n"
                                + "ARG UID=0\nUSER ${UID}\n",
                        "c"))
                .containsExactly("c: the final stage runs as root (USER 0)");
        assertThat(DockerfileLinter.problems(
                        "FROM maven:3.9.9 AS build\nFROM build\nARG UID=10001\nUSER ${UID}:${UID}\n", "d"))
                .isEmpty();
    }

    @Test
    void remoteAddAndBakedSecretsAreRejected() {
        assertThat(DockerfileLinter.problems(
                        "FROM ubuntu:24.04\nADD https://example.com/x.tgz /x.tgz\nENV DB_PASSWORD=hunter2 MODE=x\n"
                                + "USER 1000\n",
                        "a"))
                .containsExactly(
                        "a:2: ADD of a remote URL skips checksum verification; download with curl and check its SHA-256",
                        "a:3: DB_PASSWORD bakes a secret into the image; pass it at run time");
    }
}
