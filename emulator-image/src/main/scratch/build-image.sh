#!/usr/bin/env bash
# Builds the emulator image FROM scratch out of what this machine has, so it needs no registry:
#   build-image.sh IMAGE:TAG VERSION WORK_DIR BUILD_JAVA_HOME
# WORK_DIR/rootfs/app/lib already holds the emulator's jars (maven-dependency-plugin). Without a reachable Docker
# engine it prints one line and succeeds: the image and the tests that run it are optional where no engine exists.
set -euo pipefail

image=$1 version=$2 work=$3 build_java_home=$4
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
    echo "[aws-bidi] emulator image $image not built: no Docker engine reachable ('docker info' failed)"
    exit 0
fi

# FROM scratch takes this machine's runtime and C libraries, so it needs Linux. Elsewhere (Docker Desktop on macOS
# or Windows) build the registry-based Dockerfile, which needs access to a registry.
if [[ $(uname -s) != Linux ]]; then
    echo "[aws-bidi] building $image from eclipse-temurin:17-jre: the FROM scratch image needs a Linux build machine"
    docker build --quiet --tag "$image" --build-arg "VERSION=$version" \
        --file "$here/../docker/Dockerfile" "$work/rootfs/app" >/dev/null
    exit 0
fi

# A JDK with jmods to jlink from: the build's own, else the first installed one (JDKs from 24 on may ship
# without jmods). The emulator's classes target Java 17, so any JDK 17 or newer will do.
jdk=""
for candidate in "${AWS_BIDI_IMAGE_JDK:-}" "$build_java_home" /usr/lib/jvm/*; do
    if [[ -n "$candidate" && -x "$candidate/bin/jlink" && -d "$candidate/jmods" ]]; then
        jdk=$candidate
        break
    fi
done
if [[ -z "$jdk" ]]; then
    echo "[aws-bidi] emulator image $image not built: no JDK with jmods for jlink (set AWS_BIDI_IMAGE_JDK)" >&2
    exit 1
fi

rootfs=$work/rootfs
rm -rf "$rootfs/opt" "$rootfs/lib" "$rootfs/lib64" "$rootfs/usr" "$rootfs/etc" "$rootfs/tmp" "$rootfs/config"

# Only the modules the emulator uses (jdeps on its jars, plus jdk.crypto.ec for TLS key exchange and
# jdk.unsupported for Netty's direct buffers).
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.naming,java.management,jdk.crypto.ec,jdk.unsupported \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
    --output "$rootfs/opt/java" >/dev/null

# The C libraries the runtime links against (libc, libz, the loader, ...), at the paths the binaries expect.
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 -n1 ldd 2>/dev/null \
    | grep -o '/[^ ]*' | grep -v "^$rootfs" | sort -u \
    | while read -r lib; do
        [[ -e "$lib" ]] && cp -L --parents "$lib" "$rootfs/"
    done

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/config"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nemulator:x:10001:10001:aws-bidi emulator:/tmp:/sbin/nologin\n' \
    > "$rootfs/etc/passwd"
printf 'root:x:0:\nemulator:x:10001:\n' > "$rootfs/etc/group"

cp "$here/Dockerfile" "$work/Dockerfile"
revision=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)

# The classic builder needs no buildx plugin and builds FROM scratch without a registry.
if ! docker buildx version >/dev/null 2>&1; then
    export DOCKER_BUILDKIT=0
fi
# Quiet unless it fails (the classic builder warns that it is deprecated on every run).
if ! docker build --quiet --tag "$image" --build-arg "VERSION=$version" --build-arg "REVISION=$revision" "$work" \
        >"$work/docker-build.log" 2>&1; then
    cat "$work/docker-build.log" >&2
    exit 1
fi
echo "[aws-bidi] built emulator image $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1000000}'), Java runtime from $jdk)"
