#!/usr/bin/env bash
# The container image's file tree, from what the build machine has (no base image is pulled, so
# the build needs no registry and no daemon): a jlink of the building JDK, the C libraries it
# loads, a passwd entry for the non-root user, the sandbox extracted as Spring Boot lays it out,
# and its class data sharing archive, trained here with the image's own JVM.
# Usage: rootfs.sh JAVA_HOME EXEC_JAR ROOTFS TIMESTAMP USER_ID
set -euo pipefail
jdk=$1 jar=$2 rootfs=$3 timestamp=$4 uid=$5

rm -rf "$rootfs"
mkdir -p "$rootfs"
# java.desktop for java.beans (Spring reads bean properties with it), jdk.management for the
# process metrics, jdk.crypto.ec and java.security.jgss for TLS to a Redis or a proxy, jdk.zipfs
# and jdk.naming.dns as Spring Boot's jar tools and JNDI look-ups load them.
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.naming,java.desktop,java.management,java.sql,java.xml,java.instrument,jdk.unsupported,java.security.jgss,jdk.crypto.ec,jdk.management,jdk.zipfs,java.net.http,jdk.naming.dns \
  --generate-cds-archive --strip-debug --no-header-files --no-man-pages --output "$rootfs/opt/java" >/dev/null
# Only for heaps above 32 GB, which the sandbox never has.
rm -f "$rootfs/opt/java/lib/server/classes_nocoops.jsa"

# The shared libraries the JVM loads, at the paths the dynamic loader looks in. The AWT, sound and
# image libraries are left out: the sandbox is headless and never loads them.
copy_library() {
  local path=$1
  [ -e "$rootfs$path" ] && return
  mkdir -p "$rootfs$(dirname "$path")"
  cp -L "$path" "$rootfs$path"
}
while IFS= read -r object; do
  while IFS= read -r library; do
    copy_library "$library"
  done < <(ldd "$object" | grep -o '/[^ ]*' | grep -v "^$rootfs")
done < <(find "$rootfs/opt/java/bin" "$rootfs/opt/java/lib" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  | grep -Ev '/lib(awt|awt_xawt|awt_headless|splashscreen|fontmanager|lcms|jsound|javajpeg|mlib_image|jawt)\.so$')

mkdir -p "$rootfs/etc" "$rootfs/tmp"
echo "sandbox:x:$uid:$uid:Wallet Balance sandbox:/tmp:/sbin/nologin" >"$rootfs/etc/passwd"
echo "root:x:0:0:root:/root:/sbin/nologin" >>"$rootfs/etc/passwd"
printf 'root:x:0:\nsandbox:x:%s:\n' "$uid" >"$rootfs/etc/group"
echo 'hosts: files dns' >"$rootfs/etc/nsswitch.conf"

"$jdk/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$rootfs/app" >/dev/null
mv "$rootfs/app/$(basename "$jar")" "$rootfs/app/sandbox.jar"

# The image's files all carry this time (Jib's filesModificationTime), and the archive is only
# used with jars of the size and time it was made with: so the training sees them as the image has them.
find "$rootfs" -exec touch -h -d "$timestamp" {} +
# The training run starts the sandbox once, from the app folder with a relative jar path, as the
# image's entrypoint does (its working directory is /app): the archive then matches the image's
# paths without this folder being /app. It stops once the context is refreshed.
(cd "$rootfs/app" && ../opt/java/bin/java -XX:ArchiveClassesAtExit=sandbox.jsa -XX:+UseSerialGC -Xmx256m \
  -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh -jar sandbox.jar \
  --server.port=0 --management.server.port=0 --logging.level.root=warn >/dev/null)
touch -h -d "$timestamp" "$rootfs/app/sandbox.jsa" "$rootfs/app"
